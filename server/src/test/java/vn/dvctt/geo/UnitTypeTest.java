package vn.dvctt.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitTypeTest {

    @Test
    void readsTheNamesProvincesWriteInTheirSpreadsheets() {
        assertThat(UnitType.parse("Xã")).contains(UnitType.XA);
        assertThat(UnitType.parse("thi tran")).contains(UnitType.THI_TRAN);
        assertThat(UnitType.parse("  Tổ dân phố ")).contains(UnitType.TO_DAN_PHO);
        assertThat(UnitType.parse("THANH_PHO_TW")).contains(UnitType.THANH_PHO_TW);
        assertThat(UnitType.parse("Thành phố")).contains(UnitType.THANH_PHO);
    }

    @Test
    void refusesUnknownTypes() {
        assertThat(UnitType.parse("Làng xã")).isEmpty();
        assertThat(UnitType.parse("")).isEmpty();
        assertThat(UnitType.parse(null)).isEmpty();
    }

    @Test
    void placesEachTypeOnItsLevel() {
        assertThat(UnitType.THANH_PHO_TW.level()).isEqualTo(UnitLevel.PROVINCE);
        assertThat(UnitType.THI_XA.level()).isEqualTo(UnitLevel.DISTRICT);
        assertThat(UnitType.PHUONG.level()).isEqualTo(UnitLevel.COMMUNE);
        assertThat(UnitType.BAN.level()).isEqualTo(UnitLevel.VILLAGE);
    }
}
