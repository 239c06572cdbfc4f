package cn.zhice.kb.store;

import cn.zhice.kb.Entry;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes entries in the import/export JSON schema. Reading is strict: unknown properties, duplicate keys,
 * trailing tokens and dates that are not {@code YYYY-MM-DD} fail, so that nothing a source file says is silently
 * dropped or reinterpreted.
 */
@Component
public class EntryCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .withConfigOverride(LocalDate.class, date -> date.setFormat(JsonFormat.Value.forLeniency(false)))
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
