// What the compare view sends and says, as pure functions of what the editor filled in.

import type { CompareRequest, CompareStoredRequest, Preset, Story, StoredStory } from "./bindings";

/** The compare view's fields. */
export type CompareDraft = { article: string; story: string; agency: string; preset: Preset };

/** A stored story put in the wire-story area, as it was put there. */
export type StoredDraft = { id: number; text: string; agency: string | null };

export type CompareCall = { kind: "stored"; request: CompareStoredRequest } | { kind: "texts"; request: CompareRequest };

/** A story as the wire-story area shows it: the headline, a blank line, the body. */
export function storyAsText(story: Pick<Story, "headline" | "body">): string {
  const headline = story.headline.trim();
  return headline === "" || story.body.startsWith(headline) ? story.body : `${headline}\n\n${story.body}`;
}

/**
 * The command to run. A stored story left as it was put in (text and agency untouched) is
 * compared by its id, so the comparison names the archive's story; anything edited is compared
 * as pasted text.
 */
export function compareCall(draft: CompareDraft, stored: StoredDraft | null): CompareCall {
  const agency = draft.agency.trim();
  if (stored && draft.story === stored.text && (agency === "" || agency === (stored.agency ?? ""))) {
    return { kind: "stored", request: { article: draft.article, storyId: stored.id, preset: draft.preset } };
  }
  return { kind: "texts", request: { article: draft.article, source: draft.story, agency: agency === "" ? null : agency, preset: draft.preset } };
}

/** What the editor is told after "Add this story to the archive". */
export function addedMessage(stored: StoredStory): string {
  return stored.alreadyStored
    ? `Already in the archive as story #${stored.id} (the same words were stored before); nothing was added.`
    : `Added to the archive as story #${stored.id}: checks will find it from now on.`;
}
