package bryt.voice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A demo channel's public report form as a browser sends it: the first question (the demo
 * channels' required "What happened?") and the questionnaire revision the page showed.
 *
 * @param firstQuestion the first question's field, {@code q.<id>}
 */
record ReportForm(long channelId, String firstQuestion, String revision) {

	static ReportForm of(JdbcClient jdbc, long channelId) {
		long question = jdbc.sql("select id from voice_question where channel_id = :c order by position limit 1")
			.param("c", channelId)
			.query(Long.class)
			.single();
		int revision = jdbc.sql("select questionnaire_revision from voice_channel where id = :c")
			.param("c", channelId)
			.query(Integer.class)
			.single();
		return new ReportForm(channelId, "q." + question, String.valueOf(revision));
	}

	String path() {
		return "/report/exempelby/channel/" + this.channelId;
	}

	/**
	 * A submission answering the first question with {@code text}, with a new one-time id
	 * as the form shown by a GET carries.
	 */
	MockHttpServletRequestBuilder submit(String text) {
		return post(path()).param(this.firstQuestion, text)
			.param("revision", this.revision)
			.param("once", FormOnce.generate());
	}

	MockMultipartHttpServletRequestBuilder submitWithFiles(String text) {
		MockMultipartHttpServletRequestBuilder request = multipart(path());
		request.param(this.firstQuestion, text).param("revision", this.revision).param("once", FormOnce.generate());
		return request;
	}

}
