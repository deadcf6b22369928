package bryt.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import bryt.shared.imports.ImportProblem;
import bryt.shared.imports.ImportRefusedException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;

/** Turns refused imports and bad parameters into problem details, never a stack trace. */
@RestControllerAdvice(assignableTypes = WorkloadApiController.class)
class WorkloadApiAdvice {

	private final MessageSource messages;

	WorkloadApiAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ImportRefusedException.class)
	ProblemDetail refused(ImportRefusedException refused, HttpServletRequest request) {
		Locale locale = RequestContextUtils.getLocale(request);
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		problem.setTitle(this.messages.getMessage("import.refused", null, locale));
		problem.setDetail(this.messages.getMessage("import.refused.detail",
				new Object[] { refused.problems().file(), refused.problems().total() }, locale));
		boolean spreadsheet = refused.problems().isSpreadsheet();
		List<Map<String, Object>> problems = refused.problems()
			.list()
			.stream()
			.map((p) -> problem(p, spreadsheet, locale))
			.toList();
		problem.setProperty("spreadsheet", spreadsheet);
		problem.setProperty("problems", problems);
		problem.setProperty("total", refused.problems().total());
		return problem;
	}

	/**
	 * One problem as the import page shows it: in a spreadsheet the column by its letter
	 * ({@code "C"}), in a CSV file by its number, 0 when in no column; the number is
	 * always in {@code columnNumber} as well, for programs.
	 */
	private Map<String, Object> problem(ImportProblem p, boolean spreadsheet, Locale locale) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("line", p.line());
		fields.put("column", (spreadsheet && p.column() > 0) ? p.columnLabel(true) : p.column());
		fields.put("columnNumber", p.column());
		fields.put("columnName", this.messages.getMessage(p.heading(), locale));
		fields.put("code", p.code());
		fields.put("message", message(p, locale));
		return fields;
	}

	@ExceptionHandler({ IllegalArgumentException.class, MethodArgumentTypeMismatchException.class })
	ProblemDetail badRequest(Exception ex, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setDetail((ex instanceof IllegalArgumentException) ? ex.getMessage()
				: "A parameter has the wrong format; dates are yyyy-mm-dd.");
		return problem;
	}

	String message(ImportProblem problem, Locale locale) {
		return this.messages.getMessage(problem.messageKey(), problem.args().toArray(), locale);
	}

}
