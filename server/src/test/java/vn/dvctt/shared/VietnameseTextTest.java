package vn.dvctt.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VietnameseTextTest {

    @Test
    void foldsDiacriticsCaseAndDStroke() {
        assertThat(VietnameseText.fold("Quảng Ninh")).isEqualTo("quang ninh");
        assertThat(VietnameseText.fold("ĐẮK  NÔNG ")).isEqualTo("dak nong");
        assertThat(VietnameseText.fold("Thị trấn Bình Liêu")).isEqualTo("thi tran binh lieu");
    }

    @Test
    void foldsPrecomposedAndDecomposedFormsAlike() {
        String decomposed = java.text.Normalizer.normalize("Hoành Mô", java.text.Normalizer.Form.NFD);
        assertThat(VietnameseText.fold(decomposed)).isEqualTo(VietnameseText.fold("Hoành Mô"));
    }

    @Test
    void escapesLikeWildcards() {
        assertThat(VietnameseText.likeLiteral("50%_a\\b")).isEqualTo("50\\%\\_a\\\\b");
    }

    @Test
    void sortsInVietnameseAlphabeticalOrderWithNumbersByValue() {
        List<String> names = new ArrayList<>(List.of("Thôn 10", "Đồng Văn", "Ân Thi", "Dực Yên", "An Sinh", "Thôn 2",
                "Ăn Nội", "Bình Liêu", "Ô Môn", "Ông Ích"));
        names.sort(VietnameseText.naturalOrder());
        assertThat(names).containsExactly("An Sinh", "Ăn Nội", "Ân Thi", "Bình Liêu", "Dực Yên", "Đồng Văn", "Ô Môn",
                "Ông Ích", "Thôn 2", "Thôn 10");
    }
}
