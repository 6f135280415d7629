package vn.dvctt.venue;

/** How a venue reaches the internet, which decides whether videos stream or must be cached on the device. */
public enum InternetKind {
    NONE, FIBER, ADSL, MOBILE, SATELLITE
}
