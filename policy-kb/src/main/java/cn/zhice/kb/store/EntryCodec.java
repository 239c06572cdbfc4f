package cn.zhice.kb.store;

import cn.zhice.kb.Entry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes entries in the import/export JSON schema. Reading is strict: unknown properties and trailing
 * tokens fail, so that a misspelt field is reported rather than dropped.
 */
@Component
public class EntryCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public JsonMapper mapper() {
        return mapper;
    }

    public String write(Entry entry) {
        return mapper.writeValueAsString(entry);
    }

    public ObjectNode tree(Entry entry) {
        return mapper.valueToTree(entry);
    }

    public Entry read(String json) {
        return mapper.readValue(json, Entry.class);
    }

    public Entry read(JsonNode tree) {
        return mapper.treeToValue(tree, Entry.class);
    }
}
