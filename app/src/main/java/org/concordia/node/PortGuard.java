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

    PortGuard(NodeSettings settings) {
        this.settings = settings;
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
        chain.doFilter(req, res);
    }
}
