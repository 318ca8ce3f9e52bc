package org.openyibao.platform.fsi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import org.openyibao.engine.error.Echo;

/**
 * The URLs clients post envelopes to (INTERFACE §1.2), all answered by {@link FsiDispatcher}: the national single
 * endpoint, with or without {@code /{infno}} appended; the Jilin single endpoint; Guangdong's
 * {@code /ebus/{channel}/{env}/hsa/hgs/{infno}}; and Hebei's route per service (with or without the gateway prefix
 * {@code /ebus/rio_fsi}). Bodies are read as bytes whatever the content type ({@code application/json},
 * {@code application/json;charset=utf-8}, {@code text/plain}, none), decoded as UTF-8 unless a charset is given;
 * a multipart upload (9101, the official demo) carries the envelope in the part {@code jsonStr} and the file in
 * {@code file} or {@code in}. HTTP 200 for every envelope, whatever its infcode.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "National interface (hospitals)", description = "The national medical security"
        + " platform's interface as hospitals' systems call it: one envelope {infno, msgid, input, ...} posted to one of these"
        + " paths, answered with {infcode, output, err_msg, ...}. Signed with x-tif headers (not the staff account): docs/fsi.md")
public class FsiController {
    static final String HEBEI_PREFIX = "/ebus/rio_fsi";

    /** Hebei's routes per service (IDX-HB), after the optional prefix: the infno each serves. */
    static final Map<String, String> HEBEI = Map.ofEntries(
            Map.entry("/fsi/api/signInSignOutService/signIn", "9001"),
            Map.entry("/fsi/api/signInSignOutService/signOut", "9002"),
            Map.entry("/fsi/api/fileupload/upload", "9101"),
            Map.entry("/fsi/api/fileupload/download", "9102"),
            Map.entry("/fsi/api/fsiPsnInfoService/queryPsnInfo", "1101"),
            Map.entry("/fsi/api/outpatientSettleService/preSettletment", "2206"),
            Map.entry("/fsi/api/outpatientSettleService/saveSettletmentV2", "2207"),
            Map.entry("/fsi/api/outpatientSettleService/cancleSettletment", "2208"),
            Map.entry("/fsi/api/hospSettService/preSett", "2303"),
            Map.entry("/fsi/api/hospSettService/settV2", "2304"),
            Map.entry("/fsi/api/hospSettService/settCl", "2305"),
            Map.entry("/fsi/api/reverseService/revsMethod", "2601"));

    private final FsiDispatcher dispatcher;
    private final int maxBody;
    private final InterfaceCalls calls;

    public FsiController(FsiDispatcher dispatcher, @Value("${yibao.fsi.max-body-bytes:33554432}") int maxBody, InterfaceCalls calls) {
        this.dispatcher = dispatcher;
        this.maxBody = maxBody;
        this.calls = calls;
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "The national single endpoint: the envelope's infno says the transaction",
            security = {})
    @PostMapping({"/fsi/api/rsfComIfsService/callService", "/mbs/fmi/fsi/api/callFsiService/callService"})
    public ResponseEntity<byte[]> callService(HttpServletRequest request, @RequestHeader HttpHeaders headers) {
        return answer(request, headers, null);
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "The single endpoint with the infno in the path (and Guangdong's route)",
            security = {})
    @PostMapping({"/fsi/api/rsfComIfsService/callService/{infno}", "/mbs/fmi/fsi/api/callFsiService/callService/{infno}",
            "/ebus/{channel}/{env}/hsa/hgs/{infno}"})
    public ResponseEntity<byte[]> callServiceWithInfno(HttpServletRequest request, @RequestHeader HttpHeaders headers,
                                                       @PathVariable("infno") String infno) {
        return answer(request, headers, infno);
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Hebei's route per service (IDX-HB), with or without /ebus/rio_fsi", security = {})
    @PostMapping({"/fsi/api/signInSignOutService/signIn", "/fsi/api/signInSignOutService/signOut", "/fsi/api/fileupload/upload",
            "/fsi/api/fileupload/download", "/fsi/api/fsiPsnInfoService/queryPsnInfo",
            "/fsi/api/outpatientSettleService/preSettletment", "/fsi/api/outpatientSettleService/saveSettletmentV2",
            "/fsi/api/outpatientSettleService/cancleSettletment", "/fsi/api/hospSettService/preSett",
            "/fsi/api/hospSettService/settV2", "/fsi/api/hospSettService/settCl", "/fsi/api/reverseService/revsMethod",
            HEBEI_PREFIX + "/fsi/api/signInSignOutService/signIn", HEBEI_PREFIX + "/fsi/api/signInSignOutService/signOut",
            HEBEI_PREFIX + "/fsi/api/fileupload/upload", HEBEI_PREFIX + "/fsi/api/fileupload/download",
            HEBEI_PREFIX + "/fsi/api/fsiPsnInfoService/queryPsnInfo",
            HEBEI_PREFIX + "/fsi/api/outpatientSettleService/preSettletment",
            HEBEI_PREFIX + "/fsi/api/outpatientSettleService/saveSettletmentV2",
            HEBEI_PREFIX + "/fsi/api/outpatientSettleService/cancleSettletment", HEBEI_PREFIX + "/fsi/api/hospSettService/preSett",
            HEBEI_PREFIX + "/fsi/api/hospSettService/settV2", HEBEI_PREFIX + "/fsi/api/hospSettService/settCl",
            HEBEI_PREFIX + "/fsi/api/reverseService/revsMethod"})
    public ResponseEntity<byte[]> hebei(HttpServletRequest request, @RequestHeader HttpHeaders headers) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(HEBEI_PREFIX)) path = path.substring(HEBEI_PREFIX.length());
        return answer(request, headers, HEBEI.get(path));
    }

    /** Hebei's catalogue downloads: {@code .../catalogdownservice/downCatalog1301} serves 1301. */
    @io.swagger.v3.oas.annotations.Operation(summary = "Hebei's catalogue downloads (downCatalog1301 serves 1301)", security = {})
    @PostMapping({"/fsi/api/catalogdownservice/downCatalog{infno}", HEBEI_PREFIX + "/fsi/api/catalogdownservice/downCatalog{infno}"})
    public ResponseEntity<byte[]> hebeiCatalogue(HttpServletRequest request, @RequestHeader HttpHeaders headers,
                                                 @PathVariable("infno") String infno) {
        return answer(request, headers, infno);
    }

    /**
     * Any other request in the interface's URL space (a path no style has, a GET): the envelope says so, where the
     * REST API's 404 or 405 used to answer (issue 10). The methods are listed so that OPTIONS is one of them: a mapping
     * without methods leaves OPTIONS to Spring, which answered an empty 200.
     */
    @io.swagger.v3.oas.annotations.Hidden
    @RequestMapping(value = {"/fsi/**", "/mbs/**", "/ebus/**"}, method = {RequestMethod.GET, RequestMethod.HEAD,
            RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS,
            RequestMethod.TRACE})
    public ResponseEntity<byte[]> elsewhere(HttpServletRequest request) {
        String problem = "POST".equals(request.getMethod())
                ? "path: no interface transaction is served here (docs/fsi.md lists the paths)"
                : "method " + Echo.cut(request.getMethod(), 10) + ": post the envelope";
        return send(dispatcher.refuse(null, problem));
    }

    /**
     * The firewall checks a header's value when it is first read, which for the interface is when the headers are bound
     * here, after Spring Security's chain: its refusal is answered with the envelope, as it is in that chain
     * ({@link FsiEdges}), not as the REST API's 500 (issue 10).
     */
    @ExceptionHandler(RequestRejectedException.class)
    public ResponseEntity<byte[]> rejected(RequestRejectedException e) {
        return send(dispatcher.refuse(null, FsiEdges.REJECTED));
    }

    /** Answers one call, counted with its outcome and time (the agency's dashboard, {@link InterfaceCalls}). */
    private ResponseEntity<byte[]> answer(HttpServletRequest request, HttpHeaders headers, String pathInfno) {
        long started = System.nanoTime();
        FsiDispatcher.Response r = respond(request, headers, pathInfno);
        calls.record(r.infcode(), System.nanoTime() - started);
        return send(r);
    }

    private FsiDispatcher.Response respond(HttpServletRequest request, HttpHeaders headers, String pathInfno) {
        String body;
        byte[] upload = null;
        try {
            if (request instanceof MultipartHttpServletRequest mp) {
                body = mp.getParameter("jsonStr");
                MultipartFile f = mp.getFile("file") != null ? mp.getFile("file") : mp.getFile("in");
                if (f != null) upload = f.getBytes();
            } else {
                body = read(request);
            }
        } catch (TooLarge e) {
            return dispatcher.refuse(pathInfno, "malformed envelope: request body larger than " + maxBody + " bytes");
        } catch (MultipartException e) {
            // parsed here, not before the controller (spring.servlet.multipart.resolve-lazily): a broken body is the client's
            return dispatcher.refuse(pathInfno, "malformed envelope: a multipart body that cannot be read");
        } catch (IOException e) {
            body = ""; // the client went away or sent a broken stream: answered as an empty body
        }
        return dispatcher.handle(new FsiDispatcher.Request(body, pathInfno, headers, upload));
    }

    /** The headers Spring Security's chain added before the interface left it (FsiSecurityConfig): replies are not cached. */
    private static ResponseEntity<byte[]> send(FsiDispatcher.Response r) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, r.contentType())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-XSS-Protection", "0")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate")
                .header(HttpHeaders.PRAGMA, "no-cache")
                .header(HttpHeaders.EXPIRES, "0")
                .header("X-Frame-Options", "DENY")
                .body(r.body());
    }

    private String read(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] b = in.readNBytes(maxBody + 1);
            if (b.length > maxBody) throw new TooLarge();
            Charset cs = charset(request.getContentType());
            int off = cs == StandardCharsets.UTF_8 && b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB
                    && (b[2] & 0xff) == 0xBF ? 3 : 0; // a UTF-8 byte order mark
            return new String(b, off, b.length - off, cs);
        }
    }

    private static Charset charset(String contentType) {
        if (contentType == null) return StandardCharsets.UTF_8;
        try {
            Charset cs = MediaType.parseMediaType(contentType).getCharset();
            return cs == null ? StandardCharsets.UTF_8 : cs;
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super(null, null);
        }
    }
}
