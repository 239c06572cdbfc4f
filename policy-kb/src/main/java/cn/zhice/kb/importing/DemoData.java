package cn.zhice.kb.importing;

import cn.zhice.kb.DemoDataProperties;
import cn.zhice.kb.store.EntryStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the demo district's policies, service guides and FAQs (滨江市青禾区, fictional) into an empty knowledge base
 * on first start, published, through the same import path staff use.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final List<String> FILES = List.of("demo/policies.jsonl", "demo/service-guides.jsonl", "demo/faqs.jsonl");

    private final DemoDataProperties properties;
    private final EntryStore store;
    private final ImportParser parser;
    private final KbImport kbImport;

    DemoData(DemoDataProperties properties, EntryStore store, ImportParser parser, KbImport kbImport) {
        this.properties = properties;
        this.store = store;
        this.parser = parser;
        this.kbImport = kbImport;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled() || store.count() > 0) {
            return;
        }
        List<ImportLine> lines = new ArrayList<>();
        List<ImportError> errors = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = new ClassPathResource(file).getInputStream()) {
                ParsedImport parsed = parser.jsonLines(in);
                lines.addAll(parsed.lines());
                errors.addAll(parsed.errors());
            } catch (IOException e) {
                throw new UncheckedIOException("Demo data " + file + " is missing from the build", e);
            }
        }
        ImportResult result = kbImport.run(new ParsedImport(lines, errors), "demo-data", true);
        log.info("Demo data loaded: {} entries of the fictional 滨江市青禾区 (set zhice.demo-data.enabled=false to skip)",
                result.imported());
    }
}
