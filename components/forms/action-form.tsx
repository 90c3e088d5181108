"use client";

import { type FormEvent, type ReactNode, startTransition, useActionState, useEffect, useRef } from "react";
import { Alert } from "../ui/alert";
import { type ActionState, type FormAction, IDLE_STATE } from "./action-state";
import { FormContext } from "./form-context";

export interface ActionFormProps<T> {
  /** A server action `(state, formData) => state`. */
  action: FormAction<T>;
  children: ReactNode;
  className?: string;
  /** Clear the inputs after a successful submission (forms that stay on the page). */
  resetOnSuccess?: boolean;
  /** Announce `state.message` after success. */
  showSuccess?: boolean;
  /** Called once per successful submission, e.g. to close a dialog or keep a one-time secret. */
  onSuccess?: (state: ActionState<T>) => void;
  "aria-label"?: string;
  "aria-labelledby"?: string;
}

/**
 * A form bound to a server action. Without JavaScript it posts natively (the `action` prop);
 * once hydrated it submits in a transition instead, because React would otherwise reset every
 * input after the action returns and a user would lose what they typed when validation fails.
 */
export function ActionForm<T>({
  action,
  children,
  className,
  resetOnSuccess,
  showSuccess,
  onSuccess,
  ...aria
}: ActionFormProps<T>) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, IDLE_STATE);
  const formRef = useRef<HTMLFormElement>(null);

  // Runs once per new state object, i.e. once per completed submission.
  const onSuccessRef = useRef(onSuccess);
  onSuccessRef.current = onSuccess;
  useEffect(() => {
    if (state.status !== "success") return;
    if (resetOnSuccess) formRef.current?.reset();
    onSuccessRef.current?.(state);
  }, [state, resetOnSuccess]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(formData));
  }

  return (
    <FormContext value={{ state, pending }}>
      <form ref={formRef} action={formAction} onSubmit={handleSubmit} className={className} {...aria}>
        {state.status === "error" && state.error ? <Alert tone="error">{state.error}</Alert> : null}
        {showSuccess && state.status === "success" && state.message ? (
          <Alert tone="success">{state.message}</Alert>
        ) : null}
        {children}
      </form>
    </FormContext>
  );
}
