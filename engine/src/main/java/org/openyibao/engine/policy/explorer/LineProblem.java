package org.openyibao.engine.policy.explorer;

/**
 * One problem of a reform overlay at its line: the line's number (0 when the problem is the whole text's, or in
 * another file such as the base pack's), the line as written, the parameter path and what is wrong.
 */
public record LineProblem(int line, String text, String path, String message, String file) {}
