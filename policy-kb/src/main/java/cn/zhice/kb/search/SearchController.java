package cn.zhice.kb.search;

import cn.zhice.kb.EntryKind;
import cn.zhice.kb.PolicySearch;
import cn.zhice.kb.SearchHit;
import cn.zhice.kb.SearchQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public search: {@code GET /api/kb/search?q=...&limit=5[&kind=...&category=...&audience=...]}. */
@RestController
class SearchController {

    private final PolicySearch search;

    SearchController(PolicySearch search) {
        this.search = search;
    }

    @GetMapping("/api/kb/search")
    List<SearchHit> search(
            @RequestParam @NotBlank @Size(max = 200) String q,
            @RequestParam(defaultValue = "5") @Min(1) @Max(50) int limit,
            @RequestParam(required = false) EntryKind kind,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String audience) {
        return search.search(new SearchQuery(q, limit, kind, category, audience));
    }
}
