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

/**
 * A report or message with a file over the limit is refused before Bryt reads any of it.
 * Instead of the container's bare 413 the reporter gets a page in their language that
 * says nothing was sent or stored and leads back to the form. Other paths keep the
 * default answer.
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
		// Back to the form, or for a message to the follow-up page, where the receipt is
		// asked for again: it never goes into an address.
		model.addAttribute("back", report.group(2).startsWith("channel")
				? "/report/" + report.group(1) + "/" + report.group(2) : "/report/" + report.group(1) + "/follow-up");
		return "voice/too-large";
	}

}
