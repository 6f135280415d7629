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

    @Test
    void derivesWhatTheJdksPbkdf2Derives() throws Exception {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 20; round++) {
            String pin = String.valueOf(1000 + random.nextInt(99_000_000));
            byte[] salt = new byte[8 + random.nextInt(24)];
            random.nextBytes(salt);
            int iterations = 1 + random.nextInt(3000);
            javax.crypto.spec.PBEKeySpec spec = new javax.crypto.spec.PBEKeySpec(pin.toCharArray(), salt, iterations, 256);
            byte[] jdk = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            assertThat(PinHash.derive(pin, salt, iterations)).as("pin %s, %d iterations", pin, iterations).isEqualTo(jdk);
        }
    }

    @Test
    void matchesTheRfc7914TestVectors() {
        // RFC 7914 section 11, the first 32 bytes of each 64-byte key
        assertThat(java.util.HexFormat.of().formatHex(PinHash.derive("passwd", "salt".getBytes(), 1)))
                .isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
        assertThat(java.util.HexFormat.of().formatHex(PinHash.derive("Password", "NaCl".getBytes(), 80000)))
                .isEqualTo("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56");
    }

    @Test
    void aKeyLongerThanTheBlockIsHashedFirstAsHmacSays() throws Exception {
        String longKey = "1234567890".repeat(8); // 80 bytes
        byte[] salt = "muối-của-bản".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        javax.crypto.spec.PBEKeySpec spec = new javax.crypto.spec.PBEKeySpec(longKey.toCharArray(), salt, 10, 256);
        assertThat(PinHash.derive(longKey, salt, 10)).isEqualTo(
                javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded());
    }
}
