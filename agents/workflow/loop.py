"""The feedback loop behind `generate(rounds=N, candidates=K)`: render, look, revise, render again.

Each round renders the round's Scene (K seeds of it), captions and evaluates every image, and keeps
the best so far. The next round's Scene is the best one revised from its failed checks
(feedback.py). The loop stops at the first of:

- every required check that could be verified passed (unverifiable ones cannot improve by retrying);
- the best score has not improved by 0.05 in two rounds;
- the revision gives a Scene already tried (or changes nothing);
- the round cap, or the cap on images in all (16).

It returns the best image, not the last. Every image is kept: a round's first image as a `retry`
of the image its Scene was revised from, the other seeds as `variation`s of the round's first.
"""

from __future__ import annotations

import dataclasses
import threading

from limner.agents.looking.captioner import Caption
from limner.agents.looking.critic import Critic
from limner.agents.looking.evaluation import Evaluation, format_score
from limner.agents.scene.diff import scene_diff
from limner.agents.scene.model import MAX_SEED, Scene
from limner.agents.workflow.feedback import revise_from_failures
from limner.agents.workflow.jobs import Job, JobRunner, Progress, generation
from limner.agents.workflow.requests import MAX_LOOP_IMAGES
from limner.agents.workflow.results import AttemptSummary, Generation
from limner.lineage import ImageRecord

MIN_IMPROVEMENT = 0.05
PATIENCE = 2  # rounds without MIN_IMPROVEMENT before stopping


@dataclasses.dataclass
class Attempt:
    record: ImageRecord
    job: Job
    round: int
    caption: Caption
    evaluation: Evaluation

    @property
    def score(self) -> float:
        return self.evaluation.score if self.evaluation.score is not None else -1.0

    def summary(self) -> AttemptSummary:
        return AttemptSummary(
            round=self.round,
            image_id=self.record.id,
            seed=self.job.scene.seed,
            score=self.evaluation.score,
            failed=[v.question for v in self.evaluation.failed_checks()],
            unverified=self.evaluation.unverified,
        )


class FeedbackLoop:
    """Renders through a job runner and looks through a critic; `prompt_tokens` is the generator's prompt budget."""

    def __init__(
        self,
        runner: JobRunner,
        critic: Critic,
        *,
        rounds: int,
        candidates: int,
        captioner: str | None,
        threshold: float,
        prompt_tokens: int,
    ):
        self.runner = runner
        self.critic = critic
        self.prompt_tokens = prompt_tokens
        self.rounds = rounds
        self.candidates = candidates
        self.captioner = captioner
        self.threshold = threshold
        self.max_images = min(MAX_LOOP_IMAGES, rounds * candidates)

    def run(self, first: Job, report: Progress, cancel: threading.Event | None) -> Generation:
        steps_per_image = 4.0  # plan/render/save (3) and look (1)
        total = steps_per_image * self.max_images
        made = 0
        attempts: list[Attempt] = []
        best: Attempt | None = None
        tried = {_content(first.scene)}
        job = first
        best_score_at: list[float] = []  # the best score after each round
        stopped = f"the round cap ({self.rounds})"
        for round_number in range(1, self.rounds + 1):
            round_attempts: list[Attempt] = []
            for k in range(self.candidates):
                if made == self.max_images:
                    break
                offset = steps_per_image * made

                def sub(done: float, _total: float, message: str, offset=offset, r=round_number) -> None:
                    report(offset + done, total, f"round {r}/{self.rounds}: {message}")

                candidate = job if k == 0 else self._variation(job, round_attempts[0], k)
                record = self.runner.run(candidate, sub, cancel)
                sub(3, total, f"evaluating {record.id}")
                attempt = self._look(record, candidate, round_number)
                made += 1
                round_attempts.append(attempt)
                attempts.append(attempt)
            round_best = max(round_attempts, key=lambda a: a.score)
            if best is None or round_best.score > best.score:
                best = round_best
            best_score_at.append(best.score)
            report(steps_per_image * made, total, f"round {round_number}: best score {format_score(best.score)}")
            if not best.evaluation.failed_checks():
                stopped = _all_passed(best.evaluation)
                break
            if len(best_score_at) > PATIENCE and best.score < best_score_at[-1 - PATIENCE] + MIN_IMPROVEMENT:
                stopped = f"the best score did not improve by {MIN_IMPROVEMENT} in {PATIENCE} rounds"
                break
            if round_number == self.rounds:
                break
            if made == self.max_images:
                stopped = f"the image cap ({self.max_images})"
                break
            revised, changes = revise_from_failures(best.job.scene, best.evaluation, prompt_tokens=self.prompt_tokens)
            if not changes or _content(revised) in tried:
                stopped = "the revision repeats a Scene already tried" if changes else "nothing left to revise"
                break
            tried.add(_content(revised))
            job = dataclasses.replace(
                best.job,
                kind="retry",
                request={**first.request, "round": round_number + 1, "revised": changes},
                scene=revised,
                parent=best.record.id,
                relation="retry",
                diff=scene_diff(best.job.scene, revised),
                # A retry renders afresh: no drawn-layout start (attention control, if any, carries on).
                layout_control="none" if best.job.layout_control == "init" else best.job.layout_control,
                init_image=None,
                strength=None,
            )
        assert best is not None
        report(total, total, f"best: {best.record.id} (score {format_score(best.score)}); stopped: {stopped}")
        return generation(
            best.record,
            best.job,
            init_image_id=best.record.parent_id if best.record.relation == "init" else None,
            evaluation=best.evaluation,
            attempts=[a.summary() for a in attempts],
            stopped=stopped,
        )

    def _variation(self, job: Job, first: Attempt, k: int) -> Job:
        seed = ((job.scene.seed or 0) + k) % (MAX_SEED + 1)
        return dataclasses.replace(
            job,
            kind="variation",
            scene=job.scene.model_copy(update={"seed": seed}),
            parent=first.record.id,
            relation="variation",
            diff=None,
        )

    def _look(self, record: ImageRecord, job: Job, round_number: int) -> Attempt:
        with self.runner.lineage.picture(record) as image:
            caption, evaluation = self.critic.look(
                job.scene, image.convert("RGB"), captioner=self.captioner, threshold=self.threshold
            )
        self.runner.record_evaluation(record, job.scene, caption, evaluation, run_id=record.run_id)
        return Attempt(record, job, round_number, caption, evaluation)


def _content(scene: Scene) -> str:
    """What a Scene asks for, without its seed: two rounds asking the same are the same attempt."""
    return scene.model_copy(update={"seed": None}).fingerprint()


def _all_passed(evaluation: Evaluation) -> str:
    if evaluation.unverified:
        return f"every check that could be verified passed ({evaluation.unverified} could not be)"
    return "every required check passed"
