package vn.dvctt.security;

import org.springframework.security.access.AccessDeniedException;

/** Asked for a unit, user or record outside the caller's subtree, or for an action his role lacks. */
public class OutsideScopeException extends AccessDeniedException {

    public OutsideScopeException(String message) {
        super(message);
    }
}
