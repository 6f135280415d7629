package vn.dvctt.geo;

public class UnitNotFoundException extends RuntimeException {

    public UnitNotFoundException(String codeOrId) {
        super("No such administrative unit: " + codeOrId);
    }
}
