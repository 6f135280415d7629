package vn.dvctt.agent.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dvctt.content.RunnerBrief.Procedure;

class CatalogueTest {

    private static final List<Procedure> CATALOGUE = List.of(
            new Procedure("2.000986", "Cấp phiếu lý lịch tư pháp", false),
            new Procedure("1.004227", "Đăng ký kết hôn", true),
            new Procedure("1.001193", "Đăng ký khai sinh", true),
            new Procedure("1.010731", "Liên thông khai sinh, đăng ký thường trú, cấp thẻ BHYT", true),
            new Procedure("1.000656", "Đăng ký khai tử", false));

    @Test
    void foldsVietnameseToPlainLowercaseAsciiIncludingDStroke() {
        assertThat(Catalogue.fold("Đăng ký  KHAI SINH")).isEqualTo("dang ky khai sinh");
        assertThat(Catalogue.fold("Lý lịch tư pháp đơn")).isEqualTo("ly lich tu phap don");
    }

    @Test
    void findsProceduresTypedWithoutAccentsWholePhraseFirst() {
        assertThat(Catalogue.search(CATALOGUE, "khai sinh")).extracting(Procedure::code)
                .containsExactly("1.001193", "1.010731");
        assertThat(Catalogue.search(CATALOGUE, "dang ky")).extracting(Procedure::code)
                .containsExactly("1.004227", "1.001193", "1.010731", "1.000656");
        assertThat(Catalogue.search(CATALOGUE, "Đăng ký kết")).extracting(Procedure::code).containsExactly("1.004227");
        assertThat(Catalogue.search(CATALOGUE, "986")).extracting(Procedure::code).containsExactly("2.000986");
        assertThat(Catalogue.search(CATALOGUE, "ho chieu")).isEmpty();
    }

    @Test
    void anEmptyQueryListsEssentialProceduresFirst() {
        assertThat(Catalogue.search(CATALOGUE, " ")).extracting(Procedure::code)
                .containsExactly("1.004227", "1.001193", "1.010731", "2.000986", "1.000656");
    }
}
