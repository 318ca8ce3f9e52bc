package org.openyibao.platform.fsi.transactions;

/** The interface's zip files, for tests in other packages. */
public final class TestZips {
    private TestZips() {}

    public static byte[] zip(String entry, String text) {
        return FileTransactions.zip(entry, text);
    }

    public static String unzip(byte[] content) {
        return FileTransactions.unzip(content);
    }
}
