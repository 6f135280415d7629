package vn.dvctt.geo;

/** The tier a unit sits on; campaign targets are set per level (province 50 %, district 40 %, commune 30 %). */
public enum UnitLevel {
    COUNTRY, PROVINCE, DISTRICT, COMMUNE, VILLAGE
}
