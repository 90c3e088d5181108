"use client";

import { createContext, useContext } from "react";
import { type ActionState, IDLE_STATE } from "./action-state";

interface FormContextValue {
  state: ActionState;
  pending: boolean;
}

/** The last result and the pending flag of the enclosing `ActionForm`, for its fields and buttons. */
export const FormContext = createContext<FormContextValue>({ state: IDLE_STATE, pending: false });

/** The enclosing form's state. */
export function useFormContext(): FormContextValue {
  return useContext(FormContext);
}

/** Messages for one field of the enclosing form (empty when it is valid or untouched). */
export function useFieldErrors(name: string): string[] {
  return useContext(FormContext).state.fields?.[name] ?? [];
}
