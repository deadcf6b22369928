package bryt.voice;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A report or message with a file over the limit is refused before Bryt reads any of it,
 * and one whose upload broke off is refused too. Instead of the container's bare 413 the
 * reporter gets a page in their language that says nothing was sent or stored and leads
 * back to the form. Other paths keep the default answer.
 */
@ControllerAdvice
class TooLargeUpload {

	private static final Pattern REPORT = Pattern.compile("/report/([^/]+)/(channel/\\d+|follow-up/message)");

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request, HttpServletResponse response,
			Model model) throws MaxUploadSizeExceededException {
		Matcher report = REPORT.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (!report.matches()) {
			throw ex;
		}
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		model.addAttribute("back", back(report));
		model.addAttribute("problem", "tooLarge");
		return "voice/too-large";
	}

	/**
	 * A form that did not arrive whole (the connection broke during the upload): the
	 * reporter is told so, nothing is stored, and nothing is logged — a stack trace with
	 * a time would say when someone tried to report.
	 */
	@ExceptionHandler(MultipartException.class)
	String broken(MultipartException ex, HttpServletRequest request, HttpServletResponse response, Model model)
			throws MultipartException {
		Matcher report = REPORT.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (!report.matches()) {
			throw ex;
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("back", back(report));
		model.addAttribute("problem", "brokenUpload");
		return "voice/too-large";
	}

	/**
	 * Back to the form, or for a message to the follow-up page, where the receipt is
	 * asked for again: it never goes into an address.
	 */
	private static String back(Matcher report) {
		return report.group(2).startsWith("channel") ? "/report/" + report.group(1) + "/" + report.group(2)
				: "/report/" + report.group(1) + "/follow-up";
	}

}
