package cn.zhice.kb.vocabulary;

import cn.zhice.kb.web.BadRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Staff API for search synonyms and domain terms; every change reaches search on all instances without restart. */
@RestController
@RequestMapping("/api/admin/kb")
@Transactional
class VocabularyController {

    private final VocabularyStore store;
    private final ApplicationEventPublisher events;

    VocabularyController(VocabularyStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    @GetMapping("/synonyms")
    List<VocabularyStore.SynonymGroup> synonyms() {
        return store.synonyms();
    }

    @PostMapping("/synonyms")
    ResponseEntity<VocabularyStore.SynonymGroup> addSynonym(@Valid @RequestBody SynonymRequest request, Principal user) {
        long id = store.addSynonym(request.distinctTerms(), user.getName());
        events.publishEvent(new VocabularyChanged());
        return ResponseEntity.created(URI.create("/api/admin/kb/synonyms/" + id)).body(store.synonym(id).orElseThrow());
    }

    @PutMapping("/synonyms/{id}")
    VocabularyStore.SynonymGroup updateSynonym(
            @PathVariable long id, @Valid @RequestBody SynonymRequest request, Principal user) {
        if (!store.updateSynonym(id, request.distinctTerms(), user.getName())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的同义词组");
        }
        events.publishEvent(new VocabularyChanged());
        return store.synonym(id).orElseThrow();
    }

    @DeleteMapping("/synonyms/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteSynonym(@PathVariable long id) {
        if (!store.deleteSynonym(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的同义词组");
        }
        events.publishEvent(new VocabularyChanged());
    }

    @GetMapping("/terms")
    List<VocabularyStore.DomainTerm> terms() {
        return store.terms();
    }

    @PostMapping("/terms")
    ResponseEntity<VocabularyStore.DomainTerm> addTerm(@Valid @RequestBody TermRequest request, Principal user) {
        String term = request.term().strip();
        if (store.hasTerm(term)) {
            throw new BadRequest("词典中已有「" + term + "」");
        }
        long id = store.addTerm(term, user.getName());
        events.publishEvent(new VocabularyChanged());
        return ResponseEntity.created(URI.create("/api/admin/kb/terms/" + id))
                .body(store.terms().stream().filter(t -> t.id() == id).findFirst().orElseThrow());
    }

    @DeleteMapping("/terms/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteTerm(@PathVariable long id) {
        if (!store.deleteTerm(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的词条");
        }
        events.publishEvent(new VocabularyChanged());
    }

    /** Two or more interchangeable terms; commas are the storage separator and so are not allowed inside a term. */
    record SynonymRequest(
            @NotNull @Size(min = 2, max = 20, message = "同义词组须有 2 到 20 个词")
            List<@NotBlank(message = "词不能为空") @Size(max = 50, message = "每个词最长 50 个字符")
                    @Pattern(regexp = "[^,，]+", message = "词中不能有逗号") String> terms) {

        List<String> distinctTerms() {
            List<String> distinct = List.copyOf(new LinkedHashSet<>(terms.stream().map(String::strip).toList()));
            if (distinct.size() < 2) {
                throw new BadRequest("同义词组须有 2 个不同的词");
            }
            return distinct;
        }
    }

    /** A term search should keep whole. */
    record TermRequest(
            @NotBlank(message = "词不能为空") @Size(max = 100, message = "最长 100 个字符") String term) {}
}
