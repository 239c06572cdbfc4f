package cn.zhice.kb;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The content of one knowledge-base entry (政策文件, 办事指南 or 常见问题) in the import/export schema of
 * {@code docs/kb-format.md}. Lists are never null; {@code eligibility} is the matching rule tree, kept exactly as given.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Entry(
        String externalId,
        EntryKind kind,
        String title,
        String summary,
        String body,
        String category,
        String department,
        String region,
        String documentNumber,
        LocalDate publishedOn,
        LocalDate validFrom,
        LocalDate validTo,
        Where where,
        How how,
        List<Contact> contacts,
        List<String> audiences,
        List<String> keywords,
        List<String> questions,
        String answer,
        String sourceUrl,
        JsonNode eligibility) {

    public Entry {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /** Whether the entry's validity window contains {@code day} (both ends inclusive, open ends unbounded). */
    public boolean isValidOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    /** 办理地点与渠道: offices, the online address and the platform it runs on. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Where(List<Office> offices, String onlineUrl, String platform) {
        public Where {
            offices = offices == null ? List.of() : List.copyOf(offices);
        }
    }

    /** A service window: name, address, opening hours and phone. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Office(String name, String address, String hours, String phone) {}

    /** 办理流程: steps, materials, conditions, time limit and fee. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record How(List<String> steps, List<String> materials, String conditions, String timeLimit, String fee) {
        public How {
            steps = steps == null ? List.of() : List.copyOf(steps);
            materials = materials == null ? List.of() : List.copyOf(materials);
        }
    }

    /** A person or desk to call. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Contact(String name, String phone) {}
}
