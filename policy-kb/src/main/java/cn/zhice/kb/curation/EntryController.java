package cn.zhice.kb.curation;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.EntryNotFound;
import cn.zhice.kb.EntryStatus;
import cn.zhice.kb.store.EntryFilter;
import cn.zhice.kb.store.EntryStore;
import cn.zhice.kb.store.EntryVersion;
import cn.zhice.kb.store.StoredEntry;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff API for entries: list, read, create, edit, the review workflow and version history. */
@RestController
@RequestMapping("/api/admin/kb/entries")
class EntryController {

    private final Curation curation;
    private final EntryStore store;

    EntryController(Curation curation, EntryStore store) {
        this.curation = curation;
        this.store = store;
    }

    @GetMapping
    EntryPage list(
            @RequestParam(required = false) EntryKind kind,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) EntryStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        EntryFilter filter = new EntryFilter(kind, category, status, q);
        List<EntrySummary> items = store.list(filter, page * size, size).stream().map(EntrySummary::of).toList();
        return new EntryPage(items, store.count(filter), page, size);
    }

    @GetMapping("/{externalId}")
    EntryView get(@PathVariable String externalId) {
        return EntryView.of(store.find(externalId).orElseThrow(() -> new EntryNotFound(externalId)));
    }

    @PostMapping
    ResponseEntity<EntryView> create(@RequestBody Entry entry, Principal principal) {
        StoredEntry created = curation.create(entry, principal.getName());
        return ResponseEntity.created(URI.create("/api/admin/kb/entries/" + created.externalId()))
                .body(EntryView.of(created));
    }

    @PutMapping("/{externalId}")
    EntryView update(@PathVariable String externalId, @RequestBody Entry entry, Principal principal) {
        return EntryView.of(curation.update(externalId, entry, principal.getName(), null));
    }

    @PostMapping("/{externalId}/submit")
    EntryView submit(@PathVariable String externalId, @RequestBody(required = false) Comment comment, Principal principal) {
        return EntryView.of(curation.submit(externalId, principal.getName(), Comment.text(comment)));
    }

    @PostMapping("/{externalId}/publish")
    EntryView publish(@PathVariable String externalId, @RequestBody(required = false) Comment comment, Principal principal) {
        return EntryView.of(curation.publish(externalId, principal.getName(), Comment.text(comment)));
    }

    @PostMapping("/{externalId}/reject")
    EntryView reject(@PathVariable String externalId, @RequestBody(required = false) Comment comment, Principal principal) {
        return EntryView.of(curation.reject(externalId, principal.getName(), Comment.text(comment)));
    }

    @PostMapping("/{externalId}/archive")
    EntryView archive(@PathVariable String externalId, @RequestBody(required = false) Comment comment, Principal principal) {
        return EntryView.of(curation.archive(externalId, principal.getName(), Comment.text(comment)));
    }

    /** Entries are never erased: deleting archives the entry, which takes it offline and keeps its history. */
    @DeleteMapping("/{externalId}")
    EntryView delete(@PathVariable String externalId, Principal principal) {
        return EntryView.of(curation.archive(externalId, principal.getName(), "删除（归档）"));
    }

    @GetMapping("/{externalId}/versions")
    List<VersionSummary> history(@PathVariable String externalId) {
        List<EntryVersion> versions = store.history(externalId);
        if (versions.isEmpty()) {
            throw new EntryNotFound(externalId);
        }
        return versions.stream().map(VersionSummary::of).toList();
    }

    @GetMapping("/{externalId}/versions/{version}")
    EntryVersion version(@PathVariable String externalId, @PathVariable int version) {
        return store.history(externalId).stream()
                .filter(v -> v.version() == version)
                .findFirst()
                .orElseThrow(() -> new EntryNotFound(externalId + " v" + version));
    }

    /** A reviewer's or editor's remark on a workflow step. */
    record Comment(String comment) {
        static String text(Comment comment) {
            return comment == null ? null : comment.comment();
        }
    }

    record EntryPage(List<EntrySummary> items, long total, int page, int size) {}

    record EntrySummary(
            String externalId, EntryKind kind, String title, String category, EntryStatus status, int version,
            Integer publishedVersion, String author, OffsetDateTime updatedAt) {
        static EntrySummary of(StoredEntry e) {
            return new EntrySummary(e.externalId(), e.content().kind(), e.content().title(), e.content().category(),
                    e.status(), e.latestVersion(), e.publishedVersion(), e.author(), e.updatedAt());
        }
    }

    record EntryView(
            String externalId, EntryStatus status, int version, Integer publishedVersion, String author,
            OffsetDateTime updatedAt, Entry entry) {
        static EntryView of(StoredEntry e) {
            return new EntryView(e.externalId(), e.status(), e.latestVersion(), e.publishedVersion(), e.author(),
                    e.updatedAt(), e.content());
        }
    }

    record VersionSummary(int version, EntryStatus status, String author, String comment, OffsetDateTime createdAt) {
        static VersionSummary of(EntryVersion v) {
            return new VersionSummary(v.version(), v.status(), v.author(), v.comment(), v.createdAt());
        }
    }
}
