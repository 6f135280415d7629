package vn.dvctt.team;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void acceptsTheWaysPeopleWriteAVietnameseMobileNumber() {
        assertThat(PhoneNumbers.normalize("0912 345 678")).contains("0912345678");
        assertThat(PhoneNumbers.normalize("0912.345.678")).contains("0912345678");
        assertThat(PhoneNumbers.normalize("+84 912-345-678")).contains("0912345678");
        assertThat(PhoneNumbers.normalize("84912345678")).contains("0912345678");
        assertThat(PhoneNumbers.normalize("(0203) 3878 650")).contains("02033878650");
    }

    @Test
    void restoresTheLeadingZeroExcelDropsFromANumericCell() {
        assertThat(PhoneNumbers.normalize("912345678")).contains("0912345678");
    }

    @Test
    void refusesWhatIsNotAVietnamesePhoneNumber() {
        assertThat(PhoneNumbers.normalize("091234567")).isEmpty();
        assertThat(PhoneNumbers.normalize("09123456789")).isEmpty();
        assertThat(PhoneNumbers.normalize("0112345678")).isEmpty();
        assertThat(PhoneNumbers.normalize("0912abc678")).isEmpty();
        assertThat(PhoneNumbers.normalize("")).isEmpty();
        assertThat(PhoneNumbers.normalize(null)).isEmpty();
    }

    @Test
    void masksAllButTheFirstTwoAndLastThreeDigits() {
        assertThat(PhoneNumbers.mask("0912345678")).isEqualTo("09xx xxx 678");
        assertThat(PhoneNumbers.mask("02033878650")).isEqualTo("02xx xxxx 650");
        assertThat(PhoneNumbers.mask("0912345678")).doesNotContain("12345");
    }

    @Test
    void parsesRolesAndGendersAsSpreadsheetsWriteThem() {
        assertThat(MemberRole.parse("Tổ trưởng")).contains(MemberRole.LEADER);
        assertThat(MemberRole.parse("TO PHO")).contains(MemberRole.DEPUTY);
        assertThat(MemberRole.parse("")).contains(MemberRole.MEMBER);
        assertThat(MemberRole.parse("chủ tịch")).isEmpty();
        assertThat(Gender.parse("Nữ")).contains(Gender.FEMALE);
        assertThat(Gender.parse("nam")).contains(Gender.MALE);
    }

    @Test
    void readsVietnameseDatesAndExcelDayNumbersAndRefusesImpossibleOnes() {
        assertThat(TeamImportPlan.parseDate("15/03/2023")).contains(java.time.LocalDate.of(2023, 3, 15));
        assertThat(TeamImportPlan.parseDate("2023-03-15")).contains(java.time.LocalDate.of(2023, 3, 15));
        assertThat(TeamImportPlan.parseDate("45000")).contains(java.time.LocalDate.of(2023, 3, 15));
        assertThat(TeamImportPlan.parseDate("31/02/2023")).isEmpty();
        assertThat(TeamImportPlan.parseYear("1990")).contains(1990);
        assertThat(TeamImportPlan.parseYear("1990.0")).contains(1990);
        assertThat(TeamImportPlan.parseYear("1890")).isEmpty();
        assertThat(TeamImportPlan.parseYear("năm 90")).isEmpty();
    }
}
