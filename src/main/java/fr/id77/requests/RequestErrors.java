package fr.id77.requests;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A request one may not see answers exactly like a request that does not exist: the site's 404 page. */
@ControllerAdvice(
        assignableTypes = {
            RequestsController.class,
            RequestActionsController.class,
            NewRequestController.class,
            RequestRatingController.class,
            RequestStaffController.class
        })
class RequestErrors {

    @ExceptionHandler(RequestException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
