package org.openyibao.engine.policy;

/** One thing wrong with a policy pack, located by file, line and parameter path. */
public record Problem(String file, int line, String path, String message) {
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(file == null ? "<pack>" : file);
        if (line > 0) b.append(':').append(line);
        b.append(": ");
        if (path != null && !path.isEmpty()) b.append(path).append(": ");
        return b.append(message).toString();
    }
}
