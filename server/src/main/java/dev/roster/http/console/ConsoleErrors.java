package dev.roster.http.console;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.ExceptionHandlerFunction;
import dev.roster.domain.DomainError;
import dev.roster.http.ErrorMapping;

/** Failures of console pages as HTML pages, not the API's JSON body; anything unexpected goes on to ErrorMapping. */
final class ConsoleErrors implements ExceptionHandlerFunction {
    @Override
    public HttpResponse handleException(ServiceRequestContext ctx, HttpRequest req, Throwable cause) {
        Throwable c = cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null
                ? cause.getCause() : cause;
        if (c instanceof ConsoleRefusal r) {
            if (r.kind() == ConsoleRefusal.Kind.NOT_SIGNED_IN) {
                return Layout.redirect(Layout.ROOT + "/login");
            }
            return Layout.page(HttpStatus.FORBIDDEN, "Request refused", null, null,
                    Html.error("This form did not come from this console page (its security token is missing or "
                            + "wrong), so nothing was changed.")
                            + "<p><a href=\"" + Layout.ROOT + "/customers\">Back to the console</a></p>");
        }
        if (c instanceof DomainError e) {
            HttpStatus status = ErrorMapping.httpStatus(e.code());
            String title = status == HttpStatus.NOT_FOUND ? "Not found" : "Something is wrong";
            return Layout.page(status, title, null, null, Html.error(e.text())
                    + "<p><a href=\"" + Layout.ROOT + "/customers\">Back to the console</a></p>");
        }
        return ExceptionHandlerFunction.fallthrough();
    }
}
