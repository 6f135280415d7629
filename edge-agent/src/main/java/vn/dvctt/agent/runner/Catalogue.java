package vn.dvctt.agent.runner;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.dvctt.content.RunnerBrief.Procedure;

/**
 * Finds procedures the way a team member types on a keyboard without Vietnamese input: "dang ky" finds
 * "Đăng ký", "khai sinh" finds "Khai sinh". Diacritics are stripped and đ/Đ, which Unicode does not
 * decompose, are mapped to d.
 */
final class Catalogue {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final int LIMIT = 40;

    private Catalogue() {
    }

    static String fold(String text) {
        String stripped = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return stripped.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    /**
     * Procedures whose name or code contains every word of {@code query}; those containing the whole query
     * first, then the essential ones, then catalogue order. An empty query lists the essential ones first.
     */
    static List<Procedure> search(List<Procedure> procedures, String query) {
        String q = fold(query == null ? "" : query);
        String[] words = q.isEmpty() ? new String[0] : q.split(" ");
        record Hit(Procedure procedure, boolean phrase, int index) {
        }
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < procedures.size(); i++) {
            Procedure p = procedures.get(i);
            String text = fold(p.name()) + " " + fold(p.code());
            boolean all = true;
            for (String word : words) {
                if (!text.contains(word)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                hits.add(new Hit(p, !q.isEmpty() && text.contains(q), i));
            }
        }
        hits.sort(Comparator.comparing((Hit h) -> !h.phrase()).thenComparing(h -> !h.procedure().essential())
                .thenComparingInt(Hit::index));
        return hits.stream().limit(LIMIT).map(Hit::procedure).toList();
    }
}
