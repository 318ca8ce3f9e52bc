package org.openyibao.platform.fsi;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Host;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The layers below the dispatcher answer in the interface's words too (issue 10, found 2). Tomcat refuses some
 * requests before any servlet runs ({@code %00} or an encoded {@code /} in the path, headers over its limit) and
 * used to answer with its own HTML page; a path such as {@code /fsi/../api/persons} used to be normalised out of the
 * interface and answered by the REST API. Now: a request whose path as sent is an interface path
 * ({@link InterfacePaths}) gets the national envelope with infcode -1 naming the problem; any other request that
 * Tomcat refuses gets the REST API's JSON error. No page names the server or its version.
 */
@Configuration
public class FsiEdges {

    /** Before anything else, Spring Security included: an interface path as sent must stay one once normalised. */
    @Bean
    FilterRegistrationBean<Filter> interfacePathsStayInTheInterface(ObjectProvider<FsiDispatcher> dispatcher) {
        FilterRegistrationBean<Filter> r = new FilterRegistrationBean<>(new StayInInterface(dispatcher));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE);
        r.addUrlPatterns("/*");
        return r;
    }

    /**
     * Tomcat forwards some refusals to the error page after the controller has answered: a chunked body that is not
     * chunks (read by the controller as an empty body) leaves the request in error, and the envelope already answered is
     * replaced by the error dispatch to {@code /error}, which Spring Security's chain answered with its 401 (the fuzz
     * suite, issue 10). On an interface path as sent, the error dispatch is answered with the envelope here, first.
     */
    @Bean
    FilterRegistrationBean<Filter> interfaceErrorsStayInTheInterface(ObjectProvider<FsiDispatcher> dispatcher) {
        FilterRegistrationBean<Filter> r = new FilterRegistrationBean<>(new InterfaceErrorDispatch(dispatcher));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE);
        r.setDispatcherTypes(DispatcherType.ERROR);
        r.addUrlPatterns("/*");
        return r;
    }

    /** Replaces Tomcat's HTML error page (and Spring Boot's quieter one) on the host with {@link EdgeErrorValve}. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> edgeErrorsInOurWords(ObjectProvider<FsiDispatcher> dispatcher) {
        return factory -> factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost h) h.setErrorReportValveClass(EdgeErrorValve.class.getName());
            Pipeline pipeline = host.getPipeline();
            for (Valve v : pipeline.getValves()) if (v instanceof ErrorReportValve) pipeline.removeValve(v);
            pipeline.addValve(new EdgeErrorValve(dispatcher));
        });
    }

    /**
     * Spring Security's firewall ({@code StrictHttpFirewall}) refuses a method it does not know ({@code PROPFIND},
     * {@code post}), an encoded slash or a control character in a header: answered here in the interface's or the
     * REST API's words, where its default sent an empty 400 (issue 10).
     */
    /** What the firewall's refusal is called, in fixed words: its own message repeats the caller's header or path. */
    static final String REJECTED = "request refused: its method, path or headers are not accepted";

    @Bean
    RequestRejectedHandler firewallRefusalsInOurWords(ObjectProvider<FsiDispatcher> dispatcher) {
        return (request, response, e) -> {
            // on the error dispatch after Tomcat refused the request (TRACE: 405), the path is the original one, not /error
            Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            Answer a = answer(dispatcher, original instanceof String o ? o : request.getRequestURI(), HttpStatus.BAD_REQUEST.value(),
                    REJECTED);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(a.contentType());
            response.getOutputStream().write(a.body());
        };
    }

    /** A body and its content type. */
    record Answer(byte[] body, String contentType) {}

    /** A refusal below the controllers: the envelope on an interface path as sent, else the REST API's JSON error. */
    static Answer answer(ObjectProvider<FsiDispatcher> dispatcher, String rawPath, int status, String problem) {
        if (InterfacePaths.isInterface(rawPath) && dispatcher != null) {
            FsiDispatcher.Response r = dispatcher.getObject().refuse(null, problem);
            return new Answer(r.body(), r.contentType());
        }
        HttpStatus s = HttpStatus.resolve(status);
        return new Answer(("{\"error\":\"" + (s == null ? "Error" : s.getReasonPhrase()) + "\",\"message\":\"" + problem + "\"}")
                .getBytes(StandardCharsets.UTF_8), "application/json");
    }

    static final class StayInInterface implements Filter {
        private final ObjectProvider<FsiDispatcher> dispatcher;

        StayInInterface(ObjectProvider<FsiDispatcher> dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) req;
            String raw = http.getRequestURI().substring(http.getContextPath().length());
            String normalised = http.getServletPath() + (http.getPathInfo() == null ? "" : http.getPathInfo());
            if (InterfacePaths.isInterface(raw) && (!InterfacePaths.isInterface(normalised) || InterfacePaths.isOdd(raw))) {
                FsiDispatcher.Response r = dispatcher.getObject().refuse(null,
                        "path: no interface path has dot segments (.., %2e) or parameters (;)");
                HttpServletResponse out = (HttpServletResponse) res;
                out.setStatus(HttpStatus.BAD_REQUEST.value());
                out.setContentType(r.contentType());
                out.getOutputStream().write(r.body());
                return;
            }
            chain.doFilter(req, res);
        }
    }

    /** The error dispatch of a request sent to an interface path: the envelope, with the error's status. */
    static final class InterfaceErrorDispatch implements Filter {
        private final ObjectProvider<FsiDispatcher> dispatcher;

        InterfaceErrorDispatch(ObjectProvider<FsiDispatcher> dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            Object original = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (!(original instanceof String path) || !InterfacePaths.isInterface(path) || res.isCommitted()) {
                chain.doFilter(req, res);
                return;
            }
            Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer c && c >= 400 && c != 501 && c != 505 ? c : HttpStatus.BAD_REQUEST.value();
            Answer a = answer(dispatcher, path, status, EdgeErrorValve.problem(status));
            HttpServletResponse out = (HttpServletResponse) res;
            out.setStatus(status);
            out.setContentType(a.contentType());
            out.getOutputStream().write(a.body());
        }
    }

    /** Tomcat's error report, in the interface's envelope or the REST API's JSON. */
    public static final class EdgeErrorValve extends ErrorReportValve {
        private final ObjectProvider<FsiDispatcher> dispatcher;

        EdgeErrorValve(ObjectProvider<FsiDispatcher> dispatcher) {
            this.dispatcher = dispatcher;
            setShowReport(false);
            setShowServerInfo(false);
        }

        /** For Tomcat, which makes the host's error valve by its class name when none is there (never, as set up). */
        public EdgeErrorValve() {
            this(null);
        }

        @Override
        protected void report(Request request, Response response, Throwable t) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) return;
            // CONNECT or an unknown transfer coding (Tomcat's 501), an unknown HTTP version (505): the client's request, not
            // our fault, so never a 5xx (issue 10)
            if (status == 501 || status == 505) response.setStatus(HttpStatus.BAD_REQUEST.value());
            Answer a = answer(dispatcher, request.getCoyoteRequest().requestURI().toString(), response.getStatus(), problem(status));
            try {
                response.setContentType(a.contentType());
                response.setCharacterEncoding("UTF-8");
                Writer w = response.getReporter();
                if (w != null) {
                    w.write(new String(a.body(), StandardCharsets.UTF_8));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client has gone: nothing to tell
            }
        }

        /** What went wrong, in fixed words (nothing from the request). */
        static String problem(int status) {
            return switch (status) {
                case 400 -> "malformed request: its path (a %00, an encoded slash or backslash, a bad escape), headers"
                        + " or body cannot be read";
                case 404 -> "no such path";
                case 405 -> "method not allowed";
                case 413 -> "request too large";
                case 414 -> "request path too long";
                case 431 -> "request headers too large";
                case 501 -> "not supported here: the method (CONNECT) or the transfer coding (send the body with Content-Length"
                        + " or chunked)";
                case 505 -> "HTTP version not supported";
                default -> status >= 500 ? "internal error; nothing was changed" : "request refused (HTTP " + status + ")";
            };
        }
    }
}
