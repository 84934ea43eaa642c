package org.concordia.node;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.concordia.problem.ErrorCode;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the two listeners apart: the federation endpoints answer only on the federation (mutual-TLS)
 * port, and the user API, health, metrics and API description never on it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortGuard extends OncePerRequestFilter {
    /** The largest request body the federation listener reads (a search is a few hundred bytes). */
    static final long MAX_FEDERATION_BODY = 64 * 1024;

    /** The largest delivery of messages it reads: a batch is at most 1 MiB, or one message of at most this. */
    static final long MAX_DELIVERY_BODY = 2 * 1024 * 1024;

    private final NodeSettings settings;
    private final org.springframework.beans.factory.ObjectProvider<Federation> federation;

    PortGuard(NodeSettings settings, org.springframework.beans.factory.ObjectProvider<Federation> federation) {
        this.settings = settings;
        this.federation = federation;
    }

    private boolean knownPeer(HttpServletRequest req) {
        Federation f = federation.getIfAvailable();
        java.security.cert.X509Certificate[] chain =
                (java.security.cert.X509Certificate[]) req.getAttribute("jakarta.servlet.request.X509Certificate");
        if (f == null || chain == null || f.directory().isEmpty()) {
            return false;
        }
        return f.peers().check(java.util.List.of(chain), f.directory().get(), java.time.Instant.now())
                instanceof org.concordia.federation.Verification.Verified;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        boolean federationPort = settings.federation() != null
                && req.getLocalPort() == settings.federation().port();
        boolean federationPath = req.getRequestURI().startsWith("/federation/");
        if (federationPort != federationPath) {
            SecurityConfiguration.problem(res, 404, ErrorCode.NOT_FOUND, "no such endpoint on this listener");
            return;
        }
        // The federation listener lets any certificate through the handshake: no body is read before the
        // checks unless it is announced and bounded.
        long max = req.getRequestURI().equals(Channel.MESSAGES_PATH)
                        || req.getRequestURI().startsWith("/federation/v1/attachments/")
                ? MAX_DELIVERY_BODY
                : MAX_FEDERATION_BODY;
        if (federationPath && (req.getContentLengthLong() < 0 || req.getContentLengthLong() > max)) {
            SecurityConfiguration.problem(
                    res,
                    413,
                    ErrorCode.INVALID_QUERY,
                    "a federation request needs a Content-Length of at most " + (max >> 10) + " KiB");
            return;
        }
        // a body beyond the search's size is read only from a participant the directory lists: any other
        // certificate is refused here (and again, audited, by the endpoint's checks)
        if (federationPath && req.getContentLengthLong() > MAX_FEDERATION_BODY && !knownPeer(req)) {
            SecurityConfiguration.problem(
                    res, 403, ErrorCode.UNKNOWN_CERTIFICATE, "the request did not pass the federation's checks");
            return;
        }
        chain.doFilter(req, res);
    }
}
