package cn.zhice.kb.curation;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryNotFound;
import cn.zhice.kb.EntryPublished;
import cn.zhice.kb.EntryStatus;
import cn.zhice.kb.EntryWithdrawn;
import cn.zhice.kb.store.EntriesChanged;
import cn.zhice.kb.store.EntryStore;
import cn.zhice.kb.store.StoredEntry;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editorial workflow: editors draft and submit, reviewers publish or reject, and a reviewer never publishes
 * their own submission (四眼原则). Every step is a new version with its author, time and comment.
 */
@Service
@Transactional
public class Curation {

    private final EntryStore store;
    private final EntryValidator validator;
    private final ApplicationEventPublisher events;

    public Curation(EntryStore store, EntryValidator validator, ApplicationEventPublisher events) {
        this.store = store;
        this.validator = validator;
        this.events = events;
    }

    public StoredEntry create(Entry entry, String author) {
        validator.requireValid(entry);
        if (store.find(entry.externalId()).isPresent()) {
            throw new WorkflowViolation(HttpStatus.CONFLICT, entry.externalId(),
                    "编号 " + entry.externalId() + " 已存在，请修改该条目或换一个编号");
        }
        return store.create(entry, EntryStatus.DRAFT, author, "新建");
    }

    /** Saves new content as a draft. A published entry stays live with its old content until the draft is published. */
    public StoredEntry update(String externalId, Entry entry, String author, String comment) {
        validator.requireValid(entry);
        if (!externalId.equals(entry.externalId())) {
            throw new WorkflowViolation(HttpStatus.BAD_REQUEST, externalId, "请求体中的 externalId 与地址中的不一致");
        }
        StoredEntry current = existing(externalId);
        StoredEntry saved = store.addVersion(current, entry, EntryStatus.DRAFT, author, comment == null ? "修改" : comment);
        changed(saved);
        return saved;
    }

    public StoredEntry submit(String externalId, String author, String comment) {
        StoredEntry current = existing(externalId);
        require(current, EntryStatus.DRAFT, "只有草稿可以提交审核");
        return store.addVersion(current, current.content(), EntryStatus.IN_REVIEW, author, comment);
    }

    public StoredEntry publish(String externalId, String reviewer, String comment) {
        StoredEntry current = existing(externalId);
        require(current, EntryStatus.IN_REVIEW, "只有待审核的条目可以发布");
        if (current.author().equals(reviewer)) {
            throw new WorkflowViolation(HttpStatus.FORBIDDEN, externalId, "不能审核自己提交的内容，请由其他审核人发布");
        }
        StoredEntry saved = store.addVersion(current, current.content(), EntryStatus.PUBLISHED, reviewer, comment);
        published(current, saved);
        return saved;
    }

    public StoredEntry reject(String externalId, String reviewer, String comment) {
        StoredEntry current = existing(externalId);
        require(current, EntryStatus.IN_REVIEW, "只有待审核的条目可以退回");
        if (comment == null || comment.isBlank()) {
            throw new WorkflowViolation(HttpStatus.BAD_REQUEST, externalId, "退回时请写明原因（comment）");
        }
        return store.addVersion(current, current.content(), EntryStatus.DRAFT, reviewer, comment);
    }

    public StoredEntry archive(String externalId, String reviewer, String comment) {
        StoredEntry current = existing(externalId);
        if (current.status() == EntryStatus.ARCHIVED) {
            throw new WorkflowViolation(HttpStatus.CONFLICT, externalId, "条目已归档");
        }
        StoredEntry saved = store.addVersion(current, current.content(), EntryStatus.ARCHIVED, reviewer, comment);
        changed(saved);
        if (current.publishedVersion() != null) {
            events.publishEvent(new EntryWithdrawn(externalId, current.content().kind()));
        }
        return saved;
    }

    /** Announces a publication: the index follows after commit, and other modules hear of it. */
    void published(StoredEntry before, StoredEntry after) {
        changed(after);
        events.publishEvent(new EntryPublished(
                after.externalId(), after.content().kind(), after.latestVersion(), before == null || before.publishedVersion() == null));
    }

    private void changed(StoredEntry entry) {
        events.publishEvent(new EntriesChanged(Set.of(entry.externalId())));
    }

    private StoredEntry existing(String externalId) {
        return store.find(externalId).orElseThrow(() -> new EntryNotFound(externalId));
    }

    private static void require(StoredEntry entry, EntryStatus expected, String message) {
        if (entry.status() != expected) {
            throw new WorkflowViolation(HttpStatus.CONFLICT, entry.externalId(),
                    message + "（当前状态：" + entry.status() + "）");
        }
    }
}
