package cn.zhice.bench;

import cn.zhice.kb.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A corpus of any size for the benchmarks, made by replicating real entries into other Guangdong cities and
 * districts: copy 0 is the entries as they are; every further copy moves each entry to another district (new
 * external id, district in the title, local department and region, place names replaced in summary and offices).
 * Long texts (body, materials, conditions) are shared with the original, so 50,000 entries fit in a small heap while
 * every document still differs in its most heavily weighted field, the title.
 */
final class SyntheticCorpus {

    /** A district and its city; the demo's fictional 滨江市青禾区 and the province-wide items move here. */
    record Place(String city, String district) {

        String name() {
            return city + district;
        }
    }

    static final List<Place> PLACES = places(
            "广州市", "越秀区 海珠区 荔湾区 天河区 白云区 黄埔区 番禺区 花都区 南沙区 从化区 增城区",
            "深圳市", "福田区 罗湖区 南山区 盐田区 宝安区 龙岗区 龙华区 坪山区 光明区",
            "珠海市", "香洲区 斗门区 金湾区",
            "汕头市", "金平区 龙湖区 濠江区 潮阳区 潮南区 澄海区",
            "佛山市", "禅城区 南海区 顺德区 三水区 高明区",
            "韶关市", "武江区 浈江区 曲江区",
            "梅州市", "梅江区 梅县区",
            "惠州市", "惠城区 惠阳区",
            "江门市", "蓬江区 江海区 新会区",
            "阳江市", "江城区 阳东区",
            "湛江市", "赤坎区 霞山区 坡头区 麻章区",
            "茂名市", "茂南区 电白区",
            "肇庆市", "端州区 鼎湖区 高要区",
            "清远市", "清城区 清新区",
            "潮州市", "湘桥区 潮安区",
            "揭阳市", "榕城区 揭东区",
            "云浮市", "云城区 云安区",
            "河源市", "源城区");

    private SyntheticCorpus() {}

    /**
     * {@code size} entries: whole copies of {@code base} in order, the last one cut short. Beyond {@link #PLACES}
     * copies, places repeat (with distinct ids), which only happens for the demo-only fallback.
     */
    static List<Entry> of(List<Entry> base, int size) {
        if (base.isEmpty()) {
            throw new IllegalArgumentException("nothing to replicate");
        }
        List<Entry> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int copy = i / base.size();
            Entry original = base.get(i % base.size());
            entries.add(copy == 0 ? original : relocate(original, copy, PLACES.get((copy - 1) % PLACES.size())));
        }
        return entries;
    }

    static Entry relocate(Entry entry, int copy, Place place) {
        UnaryOperator<String> local = text -> text == null ? null : text
                .replace("滨江市青禾区", place.name())
                .replace("滨江市", place.city())
                .replace("青禾区", place.district())
                .replace("滨江", stem(place.city()))
                .replace("青禾", stem(place.district()));
        String title = local.apply(entry.title());
        if (title.equals(entry.title())) {
            title = title + "（" + place.name() + "）";
        }
        String department = department(entry.department(), place, local);
        String summary = local.apply(entry.summary());
        if (summary != null && entry.department() != null && department != null) {
            summary = summary.replace(entry.department(), department);
        }
        Entry.Where where = entry.where() == null ? null : new Entry.Where(
                entry.where().offices().stream()
                        .map(office -> new Entry.Office(
                                department(office.name(), place, local), local.apply(office.address()),
                                office.hours(), office.phone()))
                        .toList(),
                entry.where().onlineUrl(),
                entry.where().platform());
        return new Entry(
                entry.externalId() + "-C" + copy,
                entry.kind(),
                title,
                summary,
                entry.body(),
                entry.category(),
                department,
                place.name(),
                entry.documentNumber(),
                entry.publishedOn(),
                entry.validFrom(),
                entry.validTo(),
                where,
                entry.how(),
                entry.contacts(),
                entry.audiences(),
                entry.keywords(),
                entry.questions(),
                entry.answer(),
                entry.sourceUrl(),
                entry.eligibility());
    }

    /** A provincial department becomes the city's bureau (广东省公安厅 → 深圳市公安局); local ones get the place names. */
    private static String department(String department, Place place, UnaryOperator<String> local) {
        if (department == null) {
            return null;
        }
        if (department.startsWith("广东省") && department.endsWith("厅")) {
            return place.city() + department.substring(3, department.length() - 1) + "局";
        }
        if (department.startsWith("广东省")) {
            return place.city() + department.substring(3);
        }
        if (department.startsWith("广州市")) {
            return place.city() + department.substring(3);
        }
        return local.apply(department);
    }

    /** 南山区 → 南山, 深圳市 → 深圳: the short form used in street and office names. */
    private static String stem(String name) {
        return name.length() > 2 ? name.substring(0, name.length() - 1) : name;
    }

    private static List<Place> places(String... cityAndDistricts) {
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < cityAndDistricts.length; i += 2) {
            for (String district : cityAndDistricts[i + 1].split(" ")) {
                places.add(new Place(cityAndDistricts[i], district));
            }
        }
        return List.copyOf(places);
    }
}
