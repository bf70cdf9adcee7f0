package dev.reelforge.app.ui;

import dev.reelforge.app.web.Caller;
import dev.reelforge.core.error.ReelForgeException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every dashboard page shares: the signed-in viewer for the navigation, and errors shown as a
 * page (with the API's status code: another user's session is a 404 page) instead of the API's JSON
 * envelope.
 */
@ControllerAdvice(basePackageClasses = DashboardAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardAdvice {

  @ModelAttribute("me")
  Viewer me() {
    return Caller.current().map(Viewer::of).orElse(null);
  }

  @ExceptionHandler(ReelForgeException.class)
  ModelAndView failed(ReelForgeException e, HttpServletResponse response) {
    return page(response, e.code().httpStatus(), e.getMessage());
  }

  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  ModelAndView malformed(Exception e, HttpServletResponse response) {
    return page(response, 400, "The form was incomplete or malformed: " + e.getMessage());
  }

  private static ModelAndView page(HttpServletResponse response, int status, String message) {
    response.setStatus(status);
    ModelAndView view = new ModelAndView("ui/error");
    view.addObject("status", status);
    view.addObject("message", message);
    view.addObject("me", Caller.current().map(Viewer::of).orElse(null));
    return view;
  }
}
