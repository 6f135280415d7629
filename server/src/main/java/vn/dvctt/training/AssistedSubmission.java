package vn.dvctt.training;

import java.util.List;

/**
 * Dossiers submitted online for one procedure with a team member's help. {@code dossierCodes} are
 * those the team noted down (possibly none), at most {@code count} of them.
 */
public record AssistedSubmission(String procedureCode, int count, List<String> dossierCodes) {

    public AssistedSubmission {
        dossierCodes = dossierCodes == null ? List.of() : List.copyOf(dossierCodes);
    }
}
