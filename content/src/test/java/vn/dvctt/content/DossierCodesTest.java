package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DossierCodesTest {

    @Test
    void acceptsThePortalsFormInAnyCaseAndRefusesTheRest() {
        assertThat(DossierCodes.isValid("H22.101-240601-0007")).isTrue();
        assertThat(DossierCodes.isValid(" h22.101-240601-0007 ")).isTrue();
        assertThat(DossierCodes.normalize(" h22.101-240601-0007 ")).isEqualTo("H22.101-240601-0007");
        assertThat(DossierCodes.isValid("0007")).isFalse();
        assertThat(DossierCodes.isValid("H22.101-2406-0007")).isFalse();
        assertThat(DossierCodes.isValid(null)).isFalse();
    }
}
