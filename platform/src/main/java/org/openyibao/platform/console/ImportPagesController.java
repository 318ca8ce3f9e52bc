package org.openyibao.platform.console;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

import org.openyibao.engine.error.Echo;
import org.openyibao.platform.audit.AuditTrail;
import org.openyibao.platform.enrolment.BulkImport;
import org.openyibao.platform.security.ConsoleUser;

/**
 * Bulk import of persons from an uploaded CSV (issue 11), through the same {@link BulkImport} as {@code yibao import}:
 * the counts read, imported, unchanged and rejected, and the error file (each rejected line with its reason, never an
 * ID number or a name) to download. The upload is bounded ({@link #MAX_BYTES}, the servlet's own limit too); larger
 * files go through {@code yibao import}. The error file of the user's last import is kept in their session only.
 */
@Controller
public class ImportPagesController {
    private static final Logger log = LoggerFactory.getLogger(ImportPagesController.class);
    /** The largest file the form takes: 1 MB, about 7,000 lines (Spring Boot's default multipart limit is the same). */
    static final long MAX_BYTES = 1024 * 1024;
    static final String ERRORS = "persons.import.errors";

    private final BulkImport importer;
    private final AuditTrail audit;

    public ImportPagesController(BulkImport importer, AuditTrail audit) {
        this.importer = importer;
        this.audit = audit;
    }

    @GetMapping("/console/import")
    public String form(Model model) {
        model.addAttribute("columns", String.join(",", BulkImport.COLUMNS));
        return "console/import";
    }

    @PostMapping("/console/import")
    public String upload(@RequestParam(value = "file", required = false) MultipartFile file, @AuthenticationPrincipal ConsoleUser user,
                         HttpServletRequest request, HttpServletResponse response, HttpSession session, Model model) throws IOException {
        form(model);
        if (file == null || file.isEmpty()) return refused("persons.import.nofile", model);
        if (file.getSize() > MAX_BYTES) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            return refused("persons.import.toolarge", model);
        }
        StringWriter errors = new StringWriter();
        BulkImport.Result r;
        try (Reader in = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            r = importer.run(in, "console " + user.username(), errors);
        } catch (IllegalArgumentException | BulkImport.Failed e) {
            // the header named an unknown column, the file was empty, or the database stopped the import
            model.addAttribute("problem", Echo.cut(e.getMessage(), 300));
            audit.record(request, "persons_import_refused", "import", Echo.cut(e.getMessage(), 38));
            return "console/import";
        }
        session.setAttribute(ERRORS, errors.toString());
        audit.record(request, "persons_imported", "import: read " + r.read() + ", imported " + r.imported() + ", unchanged "
                + r.unchanged() + ", rejected " + r.rejected(), "ok");
        model.addAttribute("result", r);
        return "console/import";
    }

    /** The error file of this user's last import: line,reason. */
    @GetMapping("/console/import/errors.csv")
    public ResponseEntity<String> errors(HttpSession session) {
        Object csv = session.getAttribute(ERRORS);
        if (!(csv instanceof String text)) return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("no import yet");
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-errors.csv\"").body(text);
    }

    /** A file beyond the servlet's multipart limit: the same clear refusal as one beyond ours, not a server error. */
    @ExceptionHandler(MultipartException.class)
    public String tooLarge(MultipartException e, HttpServletResponse response, Model model) {
        log.info("import upload refused: {}", e.getClass().getSimpleName());
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        form(model);
        return refused("persons.import.toolarge", model);
    }

    private static String refused(String messageKey, Model model) {
        model.addAttribute("refusal", messageKey);
        return "console/import";
    }
}
