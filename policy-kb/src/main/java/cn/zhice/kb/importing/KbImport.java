package cn.zhice.kb.importing;

import cn.zhice.kb.EntryPublished;
import cn.zhice.kb.EntryStatus;
import cn.zhice.kb.store.EntriesChanged;
import cn.zhice.kb.store.EntryStore;
import cn.zhice.kb.store.StoredEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a parsed import in one transaction: all lines or none. A known externalId gets a new version, unless its
 * content and status are unchanged, so re-importing the same file is harmless.
 */
@Service
public class KbImport {

    private final EntryStore store;
    private final ApplicationEventPublisher events;

    KbImport(EntryStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /**
     * @param mayPublish whether the importing user may publish (REVIEWER); lines asking for PUBLISHED fail otherwise
     * @throws ImportRejected when any line is invalid; nothing is written then
     */
    @Transactional
    ImportResult run(ParsedImport parsed, String author, boolean mayPublish) {
        List<ImportError> errors = new ArrayList<>(parsed.errors());
        if (!mayPublish) {
            parsed.lines().stream()
                    .filter(line -> line.status() == EntryStatus.PUBLISHED)
                    .forEach(line -> errors.add(new ImportError(line.line(), "status",
                            "直接导入为已发布需要审核人（REVIEWER）角色；请改为 DRAFT 或由审核人导入")));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(ImportError::line));
            throw new ImportRejected(errors);
        }
        Map<String, StoredEntry> existing =
                store.findAll(parsed.lines().stream().map(line -> line.entry().externalId()).toList());
        int imported = 0;
        int updated = 0;
        int unchanged = 0;
        Set<String> changed = new LinkedHashSet<>();
        for (ImportLine line : parsed.lines()) {
            StoredEntry current = existing.get(line.entry().externalId());
            if (current == null) {
                StoredEntry created = store.create(line.entry(), line.status(), author, "导入");
                imported++;
                changed.add(created.externalId());
                if (line.status() == EntryStatus.PUBLISHED) {
                    events.publishEvent(new EntryPublished(created.externalId(), created.content().kind(), 1, true));
                }
            } else if (current.content().equals(line.entry()) && sameStatus(current.status(), line.status())) {
                unchanged++;
            } else {
                StoredEntry saved = store.addVersion(current, line.entry(), line.status(), author, "导入更新");
                updated++;
                changed.add(saved.externalId());
                if (line.status() == EntryStatus.PUBLISHED) {
                    events.publishEvent(new EntryPublished(saved.externalId(), saved.content().kind(),
                            saved.latestVersion(), current.publishedVersion() == null));
                }
            }
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new EntriesChanged(changed));
        }
        return new ImportResult(imported, updated, unchanged, List.of());
    }

    /** An entry under review counts as a draft for import: re-importing it as DRAFT changes nothing. */
    private static boolean sameStatus(EntryStatus current, EntryStatus requested) {
        return current == requested || (requested == EntryStatus.DRAFT && current == EntryStatus.IN_REVIEW);
    }
}
