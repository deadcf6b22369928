package bryt.voice;

/** How a closed report ended. */
enum Outcome {

	ACTION_TAKEN, NOT_SUBSTANTIATED, REFERRED_ELSEWHERE, INSUFFICIENT_INFORMATION

}
