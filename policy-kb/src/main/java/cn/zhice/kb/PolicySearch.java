package cn.zhice.kb;

import java.util.List;

/** Full-text search over the published, currently valid knowledge-base entries, best match first. */
public interface PolicySearch {

    List<SearchHit> search(SearchQuery query);
}
