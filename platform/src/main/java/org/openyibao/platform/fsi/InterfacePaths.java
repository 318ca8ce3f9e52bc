package org.openyibao.platform.fsi;

/**
 * The national interface's URL space: every request whose path (as sent, before any decoding or normalising)
 * starts with one of these gets the national envelope, whichever layer answers it (issue 10).
 */
public final class InterfacePaths {
    /** The path prefixes of the interface's styles (FsiController): national, Jilin, Guangdong, Hebei. */
    static final String[] PREFIXES = {"/fsi/", "/mbs/", "/ebus/"};

    private InterfacePaths() {}

    /**
     * Whether a raw interface path has what no client of the interface sends: dot segments ({@code ..}, {@code %2e})
     * or path parameters ({@code ;jsessionid=}), which Tomcat resolves before anything else sees the path.
     */
    static boolean isOdd(String rawPath) {
        String p = rawPath.toLowerCase(java.util.Locale.ROOT);
        return p.contains("/.") || p.contains("%2e") || p.contains(";");
    }

    /** Whether {@code rawPath} is in the interface's URL space (case as sent; a {@code ;} parameter counts as path). */
    public static boolean isInterface(String rawPath) {
        if (rawPath == null) return false;
        for (String p : PREFIXES) {
            if (rawPath.startsWith(p) || rawPath.equals(p.substring(0, p.length() - 1))) return true;
        }
        return false;
    }
}
