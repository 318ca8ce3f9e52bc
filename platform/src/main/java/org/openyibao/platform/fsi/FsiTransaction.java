package org.openyibao.platform.fsi;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A transaction of the national interface for designated institutions (INTERFACE §2), plugged into the
 * transport as a Spring bean. The transport has already authenticated the institution, checked that it is
 * designated, decrypted and verified {@code input}, checked the sign-in ({@code sign_no}) and claimed the
 * message's {@code msgid}; the handler only reads {@link FsiCall#input()} and returns the {@code output}.
 *
 * <ul>
 * <li>{@link #handle} runs inside ONE database transaction together with the insert of its reply into
 *     {@code fsi_message}: a repeated msgid returns the stored reply and never runs the handler again, and
 *     a crash never leaves a settlement without its message. Use {@code JdbcTemplate} / {@code TransactionTemplate}
 *     (propagation REQUIRED joins it); never open a new transaction (REQUIRES_NEW) for work that must commit with it.</li>
 * <li>Refuse with {@link FsiException}: {@code -1} for a bad field (err_msg naming it, e.g. {@code FsiException.invalid(
 *     "input.data.psn_no", "required")}; {@link FsiFields} does this), {@code -2} for a business refusal. Everything the
 *     handler wrote is rolled back and nothing is recorded, so the client may retry with the same msgid.
 *     a {@code DomainException} (a shared service's or the engine's coded error) is mapped by its kind: the caller's input → -1, other refusals → -2.</li>
 * <li>A handler that marks the transaction rollback-only instead of throwing (a dry run such as a pre-settlement
 *     computed with {@code SettlementService.estimate}) gets its output sent as a success, but neither its writes
 *     nor the message are kept.</li>
 * <li>Return an object node (empty when there is nothing to return); {@code null} becomes {@code {}}. Return a
 *     {@code BinaryNode} to send raw bytes as {@code application/octet-stream} (9102 download); such replies are not
 *     recorded.</li>
 * <li>Amounts in the output: {@link FsiFields#yuan(long)} (numeric 16,2 from fen).</li>
 * </ul>
 */
public interface FsiTransaction {

    /** The transaction number, e.g. {@code "2207"}. */
    String infno();

    /** Every number this bean answers; override to serve several (then {@link #infno()} is the first). */
    default List<String> infnos() {
        return List.of(infno());
    }

    /** The transaction's output object. */
    JsonNode handle(FsiCall call);
}
