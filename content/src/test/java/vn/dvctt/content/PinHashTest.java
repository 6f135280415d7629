package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PinHashTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aHashMatchesItsPinOnlyAndIsSaltedEachTime() {
        String first = PinHash.hash("0571", RANDOM);
        String second = PinHash.hash("0571", RANDOM);

        assertThat(first).startsWith("pbkdf2-sha256$100000$").isNotEqualTo(second);
        assertThat(PinHash.matches(first, "0571")).isTrue();
        assertThat(PinHash.matches(second, "0571")).isTrue();
        assertThat(PinHash.matches(first, "0572")).isFalse();
        assertThat(PinHash.matches(first, "05710")).isFalse();
    }

    @Test
    void aPinIsFourToEightDigits() {
        assertThat(PinHash.isValidPin("1234")).isTrue();
        assertThat(PinHash.isValidPin("12345678")).isTrue();
        assertThat(PinHash.isValidPin("123")).isFalse();
        assertThat(PinHash.isValidPin("123456789")).isFalse();
        assertThat(PinHash.isValidPin("12a4")).isFalse();
        assertThat(PinHash.isValidPin("１２３４")).as("full-width digits").isFalse();
        assertThatThrownBy(() -> PinHash.hash("12", RANDOM)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PinHash.matches(PinHash.hash("1234", RANDOM), "abcd")).isFalse();
    }

    @Test
    void rejectsHashesOfAnotherSchemeOrWithAbsurdParameters() {
        assertThatThrownBy(() -> PinHash.requireEncoded("bcrypt$10$x$y")).hasMessageContaining("must be pbkdf2-sha256");
        assertThatThrownBy(() -> PinHash.requireEncoded("pbkdf2-sha256$2000000000$AAAAAAAAAAA$AAAA"))
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> PinHash.requireEncoded(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
