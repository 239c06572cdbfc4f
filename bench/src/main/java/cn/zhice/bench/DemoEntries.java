package cn.zhice.bench;

import cn.zhice.kb.Entry;
import cn.zhice.kb.store.EntryCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** The demo district's entries (滨江市青禾区, fictional) that policy-kb ships on its classpath. */
final class DemoEntries {

    static final List<String> FILES = List.of("demo/policies.jsonl", "demo/service-guides.jsonl", "demo/faqs.jsonl");

    private DemoEntries() {}

    /**
     * Every demo entry, read with the strict import codec. The files carry the import-only {@code status} field,
     * which is not part of {@link Entry}, so it is dropped before decoding.
     */
    static List<Entry> load() {
        EntryCodec codec = new EntryCodec();
        List<Entry> entries = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = DemoEntries.class.getClassLoader().getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException(file + " is not on the classpath; is policy-kb built?");
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.isBlank()) {
                        ObjectNode tree = (ObjectNode) codec.mapper().readTree(line);
                        tree.remove("status");
                        entries.add(codec.read(tree));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file, e);
            }
        }
        return entries;
    }
}
