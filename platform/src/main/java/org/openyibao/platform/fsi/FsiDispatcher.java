package org.openyibao.platform.fsi;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.Echo;
import org.openyibao.engine.error.ErrorKind;
import org.openyibao.platform.fsi.auth.Credential;
import org.openyibao.platform.fsi.auth.FsiAuthenticator;
import org.openyibao.platform.fsi.auth.FsiRefusal;
import org.openyibao.platform.fsi.auth.FsiRefusals;
import org.openyibao.platform.fsi.auth.UsedNonce;
import org.openyibao.platform.fsi.crypto.GmCrypto;
import org.openyibao.platform.fsi.signin.SignIns;

/**
 * The message layer of the national interface: from a raw request (body text, headers, the infno in the path if
 * any) to the reply envelope. In order: parse the envelope → infno (body wins; a different one in the path is
 * refused) → authenticate (headers) → the envelope's institution is the caller's and is designated → {@code input}
 * decrypted (SM4) and its SM2 signature verified → the handler for infno → a valid sign_no (or, refused, a msgid
 * already answered gets its stored reply) → in one transaction the handler and the record of its reply under the msgid
 * with the x-tif nonce (a record that collides: the msgid is a repeat, answered with the stored reply; a refusal: the
 * stored reply if there is one) → output encrypted if the reply is to be; a nonce not kept with a reply kept after. Every answer is an envelope with infcode 0, -1 or -2 (see docs/fsi.md).
 */
@Service
public class FsiDispatcher {
    private static final Logger log = LoggerFactory.getLogger(FsiDispatcher.class);
    private static final Pattern INFNO = Pattern.compile("[0-9A-Za-z]{1,10}");
    private static final long CLAIM_WAIT_MS = 30_000;

    /** The transport's view of a request: the body as text, the infno in the URL (or null), the headers, an uploaded file. */
    public record Request(String body, String pathInfno, HttpHeaders headers, byte[] upload) {}

    /** What to send: the bytes and their content type. {@code infcode} is null for a binary reply. */
    public record Response(byte[] body, String contentType, Integer infcode) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Map<String, FsiTransaction> handlers = new HashMap<>();
    private final FsiAuthenticator auth;
    private final FsiMessages messages;
    private final SignIns signIns;
    private final TransactionTemplate tx;
    private final FsiClock clock;
    private final Set<String> signInExempt = new HashSet<>();

    public FsiDispatcher(List<FsiTransaction> transactions, FsiAuthenticator auth, FsiMessages messages, SignIns signIns,
                         TransactionTemplate tx, FsiClock clock,
                         @Value("${yibao.fsi.sign-in-exempt:1101}") String signInExempt) {
        for (FsiTransaction t : transactions) {
            for (String infno : t.infnos()) {
                FsiTransaction before = handlers.putIfAbsent(infno, t);
                if (before != null) {
                    throw new IllegalStateException("infno " + infno + " is served twice: by " + before.getClass().getName()
                            + " and " + t.getClass().getName());
                }
            }
        }
        this.auth = auth;
        this.messages = messages;
        this.signIns = signIns;
        this.tx = tx;
        this.clock = clock;
        this.signInExempt.addAll(List.of("9001", "9002"));
        Arrays.stream(signInExempt.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(this.signInExempt::add);
    }

    /** The transaction numbers served. */
    public Set<String> infnos() {
        return handlers.keySet();
    }

    /** Answers one request; never throws. */
    public Response handle(Request req) {
        Ctx ctx = new Ctx(clock.instant());
        Response answer = answer(req, ctx);
        if (log.isDebugEnabled()) log.debug("fsi answered: infno={} infcode={}", ctx.infno, answer.infcode());
        UsedNonce nonce = ctx.caller == null ? null : ctx.caller.nonce();
        if (nonce == null || ctx.nonceKept) return answer;
        // not kept with a recorded reply (refused, a dry run, a download, a repeat): kept now, and a reused one refused
        try {
            if (auth.keep(nonce)) return answer;
        } catch (RuntimeException e) {
            return internalError(ctx, e);
        }
        FsiRefusal reused = FsiAuthenticator.nonceReused(ctx.credential);
        FsiRefusals.log(reused, ctx.infno);
        return ctx.error(FsiException.SYSTEM, reused.errMsg());
    }

    private Response answer(Request req, Ctx ctx) {
        try {
            return process(req, ctx);
        } catch (FsiRefusal r) {
            FsiRefusals.log(r, ctx.infno);
            return ctx.error(FsiException.SYSTEM, r.errMsg());
        } catch (FsiException e) {
            return ctx.error(e.infcode(), e.errMsg());
        } catch (DomainException e) {
            // a shared service's or the engine's refusal (SettlementService, registry, no policy on the date)
            return ctx.error(infcode(e.kind()), e.getMessage());
        } catch (RuntimeException e) {
            return internalError(ctx, e);
        }
    }

    /** Our fault: the type and where in the log, never the request (it holds ID numbers and names). */
    private Response internalError(Ctx ctx, RuntimeException e) {
        log.error("fsi internal error: infno={} institution={}: {} at {}", ctx.infno,
                ctx.credential == null ? "-" : ctx.credential.fixmedinsCode(), e.getClass().getName(),
                e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        return ctx.error(FsiException.SYSTEM, "internal error; nothing was changed");
    }

    /**
     * The one place an error's kind becomes an infcode (INTERFACE §1.6): the caller's input is a
     * system/validation error (-1), every other refusal a business one to show the user (-2).
     */
    static int infcode(ErrorKind kind) {
        return kind == ErrorKind.INVALID_INPUT ? FsiException.SYSTEM : FsiException.BUSINESS;
    }

    /** A -1 envelope for a request that cannot be read at all. */
    public Response refuse(String pathInfno, String errMsg) {
        Ctx ctx = new Ctx(clock.instant());
        ctx.infno = pathInfno;
        return ctx.error(FsiException.SYSTEM, errMsg);
    }

    private Response process(Request req, Ctx ctx) {
        if (req.pathInfno() != null) ctx.infno = req.pathInfno();
        String body = req.body() == null ? "" : req.body();
        if (body.isBlank()) throw new FsiException(FsiException.SYSTEM, "malformed envelope: empty body");
        JsonNode parsed = FsiJson.parse(body, "malformed envelope");
        if (!parsed.isObject()) throw new FsiException(FsiException.SYSTEM, "malformed envelope: must be a JSON object");
        ObjectNode env = (ObjectNode) parsed;
        FsiFields e = FsiFields.of(env, "");
        ctx.region = e.optText("mdtrtarea_admvs");

        // infno: the body's wins; one in the path that disagrees is refused
        String bodyInfno = e.optText("infno");
        if (bodyInfno != null && req.pathInfno() != null && !bodyInfno.equals(req.pathInfno())) {
            ctx.infno = bodyInfno;
            throw FsiException.invalid("infno", "the body says " + bodyInfno + " but the URL says " + req.pathInfno());
        }
        String infno = bodyInfno != null ? bodyInfno : req.pathInfno();
        if (infno == null) throw FsiException.invalid("infno", "required");
        if (!INFNO.matcher(infno).matches()) throw FsiException.invalid("infno", "not a transaction number: \"" + abbreviate(infno) + "\"");
        ctx.infno = infno;

        // who is calling, and may they send this envelope
        String claimed = e.optText("fixmedins_code");
        ctx.caller = auth.identify(req.headers(), claimed, ctx.received);
        Credential c = ctx.caller.credential();
        ctx.credential = c;
        ctx.region = c.admdvs();
        if (claimed == null) throw FsiException.invalid("fixmedins_code", "required");
        auth.admit(c, claimed, ctx.received.atZone(clock.zone()).toLocalDate());
        String msgid = e.text("msgid", 64);

        // message-level cryptography
        JsonNode rawInput = env.get("input");
        boolean encryptedInput = rawInput != null && rawInput.isTextual() && !rawInput.asText().trim().startsWith("{");
        ctx.encryptReply = switch (c.replyEncryption()) {
            case "always" -> true;
            case "never" -> false;
            default -> encryptedInput;
        };
        if (ctx.encryptReply) ctx.sm4Key = sm4Key(c, encryptedInput ? "input" : "output");
        Decoded input = decodeInput(env, rawInput, body, c);
        verifySignature(e, input, c, body);
        if (req.upload() != null) attachUpload(input.object, req.upload());
        env.set("input", input.object);

        FsiTransaction handler = handlers.get(infno);
        if (handler == null) throw FsiException.invalid("infno", infno + " is not a transaction this server knows");

        // a msgid already answered gets the same reply, nothing is done twice: found when its record collides or the
        // handler refuses (executeOnce), so the normal path never looks it up; a repeat whose sign_no has since become
        // invalid is looked up here
        String signNo = e.optText("sign_no");
        if (!signInExempt.contains(infno) && !signIns.valid(c.fixmedinsCode(), signNo, ctx.received)) {
            Optional<FsiMessages.Stored> stored = messages.find(c.fixmedinsCode(), msgid);
            if (stored.isPresent() && stored.get().reply() != null) return ctx.replay(stored.get(), infno, msgid);
            throw new FsiRefusal(signNo == null ? "no sign_no" : "sign_no not valid",
                    signNo == null ? "sign_no: required; sign in with 9001 first"
                            : "sign_no: not valid for this institution (unknown, signed out or expired); sign in again with 9001",
                    c.fixmedinsCode(), c.keyId());
        }
        FsiCall call = new FsiCall(infno, msgid, c.fixmedinsCode(), e.optText("fixmedins_name"), signNo,
                e.optText("insuplc_admdvs"), e.optText("mdtrtarea_admvs"), e.optText("opter"), input.object, env,
                ctx.encryptReply, ctx.received.atZone(clock.zone()));
        return executeOnce(handler, call, ctx);
    }

    // ------------------------------------------------------------------------------------------ exactly once

    /**
     * Runs the handler and records its reply under the msgid in one transaction, so that a msgid is answered once: the
     * record is the transaction's last statement, and one that collides (the msgid was answered meanwhile, or is being
     * answered: PostgreSQL waits for that transaction to end) rolls everything back and sends the stored reply. A
     * repeat may so run the handler again, but nothing it does is kept. A refusal is looked up too: a repeat of a
     * settled visit's 2207 is refused by the handler, and answered with the stored reply.
     */
    private Response executeOnce(FsiTransaction handler, FsiCall call, Ctx ctx) {
        // a timeout, measured on the monotonic clock (not a time of day: the wall clock may be set back meanwhile)
        long deadline = System.nanoTime() + CLAIM_WAIT_MS * 1_000_000;
        while (true) {
            AtomicReference<Object> produced = new AtomicReference<>();
            try {
                Object result = tx.execute(status -> runAndRecord(handler, call, ctx, status, produced));
                if (result instanceof BinaryNode bin) return new Response(bin.binaryValue(), "application/octet-stream", null);
                if (result instanceof Written w) {
                    ctx.nonceKept = true;
                    return ctx.send(w.reply(), w.text());
                }
                return ctx.send((ObjectNode) result);
            } catch (UnexpectedRollbackException ex) {
                // the handler marked the transaction rollback-only (a dry run): its answer stands, nothing is kept
                if (produced.get() instanceof ObjectNode reply) return ctx.send(reply);
                throw ex;
            } catch (NonceUsed ex) {
                ctx.nonceKept = true; // by the call that used it first
                throw FsiAuthenticator.nonceReused(ctx.credential);
            } catch (FsiException | DomainException refused) {
                Optional<FsiMessages.Stored> s = messages.find(call.fixmedinsCode(), call.msgid());
                if (s.isPresent() && s.get().reply() != null) return ctx.replay(s.get(), call.infno(), call.msgid());
                throw refused;
            } catch (Claimed ex) {
                // the msgid is taken: answered already (a repeat: its reply), or, on H2, another request with it is running
                Optional<FsiMessages.Stored> s = messages.find(call.fixmedinsCode(), call.msgid());
                if (s.isPresent() && s.get().reply() != null) return ctx.replay(s.get(), call.infno(), call.msgid());
                waitForTheOther(call, deadline);
            }
        }
    }

    private Object runAndRecord(FsiTransaction handler, FsiCall call, Ctx ctx, TransactionStatus status,
                                AtomicReference<Object> produced) {
        JsonNode out = handler.handle(call);
        if (out instanceof BinaryNode bin) {
            produced.set(bin); // a download: not recorded
            return bin;
        }
        ObjectNode reply = ctx.envelope(0, null, out == null || out.isNull() ? FsiJson.MAPPER.createObjectNode() : out);
        produced.set(reply);
        if (status.isRollbackOnly()) return reply;
        String text = FsiJson.write(reply); // written once: recorded, and sent as is unless encrypted
        boolean recorded;
        try {
            recorded = messages.record(call.fixmedinsCode(), call.msgid(), call.infno(), text, ctx.caller.nonce());
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException ex) {
            throw new Claimed();
        }
        if (!recorded) throw new NonceUsed();
        return new Written(reply, text);
    }

    private static void waitForTheOther(FsiCall call, long deadline) {
        if (System.nanoTime() - deadline > 0) {
            throw new FsiException(FsiException.SYSTEM, "msgid " + call.msgid()
                    + ": the same message is still being processed; retry later with the same msgid");
        }
        try {
            Thread.sleep(20);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new FsiException(FsiException.SYSTEM, "interrupted; nothing was changed");
        }
    }

    /** Thrown inside the transaction when the msgid is taken, to roll back what the handler did. */
    private static final class Claimed extends RuntimeException {
        Claimed() {
            super(null, null, false, false);
        }
    }

    /** Thrown inside the transaction when the call's x-tif nonce was used within its window, to roll it back. */
    private static final class NonceUsed extends RuntimeException {
        NonceUsed() {
            super(null, null, false, false);
        }
    }

    /** A reply envelope and its JSON text. */
    private record Written(ObjectNode reply, String text) {}

    // ------------------------------------------------------------------------------------------ input and signature

    private record Decoded(ObjectNode object, String text) {}

    private Decoded decodeInput(ObjectNode env, JsonNode in, String body, Credential c) {
        if (in == null || in.isNull() || in.isMissingNode()) throw FsiException.invalid("input", "required");
        String encType = FsiFields.of(env, "").optText("enc_type");
        if (in.isObject()) return new Decoded((ObjectNode) in, null);
        if (!in.isTextual()) throw FsiException.invalid("input", "must be an object or an SM4-encrypted Base64 string");
        String s = in.asText().trim();
        if (s.isEmpty()) throw FsiException.invalid("input", "required");
        String text;
        if (s.startsWith("{")) {
            text = s; // a client that sent the input object as a JSON string
        } else {
            if (encType != null && !"SM4".equalsIgnoreCase(encType)) {
                throw FsiException.invalid("enc_type", "only SM4 is supported, got \"" + abbreviate(encType) + "\"");
            }
            byte[] key = sm4Key(c, "input");
            try {
                text = GmCrypto.sm4DecryptBase64(key, s);
            } catch (IllegalArgumentException ex) {
                throw new FsiRefusal("input cannot be decrypted", "input: cannot be decrypted (SM4/ECB/PKCS7Padding, Base64,"
                        + " key = the institution's client_id)", c.fixmedinsCode(), c.keyId());
            }
        }
        JsonNode n = FsiJson.parse(text, "input");
        if (!n.isObject()) throw FsiException.invalid("input", "must be a JSON object");
        return new Decoded((ObjectNode) n, text);
    }

    private static byte[] sm4Key(Credential c, String what) {
        byte[] key = c.clientIdBytes();
        if (key == null || key.length != 16) {
            throw FsiException.invalid(what.equals("input") ? "input" : "enc_type", "SM4 needs the institution's client_id to be"
                    + " 16 bytes (it is the key); ask the insurer to issue one");
        }
        return key;
    }

    /** cainfo with signtype SM2: SM3withSM2 over the UTF-8 text of input, with the institution's public key. */
    private void verifySignature(FsiFields e, Decoded input, Credential c, String body) {
        String signtype = e.optText("signtype");
        String cainfo = e.optText("cainfo");
        boolean sm2 = "SM2".equalsIgnoreCase(signtype) && cainfo != null;
        if (!sm2) {
            if (c.signatureRequired()) {
                throw new FsiRefusal("SM2 signature missing", "cainfo: an SM2 signature of input is required (signtype SM2)",
                        c.fixmedinsCode(), c.keyId());
            }
            return;
        }
        ECPublicKeyParameters key;
        try {
            key = GmCrypto.parsePublicKey(c.sm2PublicKey());
        } catch (IllegalArgumentException ex) {
            throw new FsiRefusal("SM2 signature but no usable public key registered", "cainfo: no SM2 public key is registered"
                    + " for this institution", c.fixmedinsCode(), c.keyId());
        }
        List<byte[]> ids = new ArrayList<>();
        if (c.clientIdBytes() != null) ids.add(c.clientIdBytes());
        ids.add(GmCrypto.DEFAULT_USER_ID);
        List<String> texts = new ArrayList<>();
        if (input.text() != null) {
            texts.add(input.text());
        } else {
            String raw = FsiJson.rawInput(body); // the exact text the client signed
            if (raw != null) texts.add(raw);
        }
        try {
            texts.add(FsiJson.write(input.object())); // a proxy may have re-formatted the body: the compact form too
        } catch (IllegalStateException unwritable) {
            // a number whose plain form cannot be written (1e999999999): the text as sent is the one to check
        }
        for (String t : texts) {
            if (GmCrypto.sm2VerifyEncoded(key, ids, t.getBytes(StandardCharsets.UTF_8), cainfo)) return;
        }
        throw new FsiRefusal("bad SM2 signature", "cainfo: the SM2 signature does not match input", c.fixmedinsCode(), c.keyId());
    }

    private static void attachUpload(ObjectNode input, byte[] file) {
        JsonNode up = input.get("fsUploadIn");
        ObjectNode o = up instanceof ObjectNode on ? on : input.putObject("fsUploadIn");
        JsonNode given = o.get("in");
        if (given == null || given.isNull() || (given.isTextual() && given.asText().isEmpty())) o.set("in", BinaryNode.valueOf(file));
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }

    // ------------------------------------------------------------------------------------------ replies

    /** One request's state for building its reply. */
    private final class Ctx {
        final Instant received;
        FsiAuthenticator.Caller caller;
        boolean nonceKept;
        String infno;
        String region;
        Credential credential;
        boolean encryptReply;
        byte[] sm4Key;

        Ctx(Instant received) {
            this.received = received;
        }

        ObjectNode envelope(int infcode, String errMsg, JsonNode output) {
            ObjectNode r = FsiJson.MAPPER.createObjectNode();
            r.put("infcode", infcode);
            r.put("inf_refmsgid", clock.newId(region, received));
            r.put("refmsg_time", clock.stampMillis(received));
            r.put("respond_time", clock.stampMillis(clock.instant()));
            if (errMsg == null) r.putNull("err_msg"); else r.put("err_msg", Echo.cut(errMsg, FsiException.MAX_ERR_MSG));
            r.putNull("warn_msg");
            r.set("output", output);
            return r;
        }

        Response error(int infcode, String errMsg) {
            return send(envelope(infcode, errMsg, FsiJson.MAPPER.createObjectNode()));
        }

        /** A stored reply sent again: its very text, or with its output encrypted when the reply is to be. */
        Response replay(FsiMessages.Stored s, String infno, String msgid) {
            if (!s.infno().equals(infno)) {
                throw FsiException.invalid("msgid", msgid + " was already used for transaction " + s.infno()
                        + "; every message needs its own msgid");
            }
            ObjectNode reply = (ObjectNode) s.replyJson(); // parsed also to check it
            return send(reply, s.reply());
        }

        /** {@link #send(ObjectNode)} given {@code text}, the reply written already. */
        Response send(ObjectNode reply, String text) {
            if (encryptReply && sm4Key != null) return send(reply);
            return new Response(text.getBytes(StandardCharsets.UTF_8), "application/json;charset=UTF-8",
                    reply.get("infcode").asInt());
        }

        /** The envelope as sent: output SM4-encrypted when the reply is to be. */
        Response send(ObjectNode reply) {
            ObjectNode out = reply;
            if (encryptReply && sm4Key != null) {
                out = reply.deepCopy();
                out.put("output", GmCrypto.sm4EncryptBase64(sm4Key, FsiJson.write(reply.get("output"))));
            }
            return new Response(FsiJson.write(out).getBytes(StandardCharsets.UTF_8), "application/json;charset=UTF-8",
                    reply.get("infcode").asInt());
        }
    }
}
