import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "Email is too long.")
  .pipe(z.email("Enter a valid email address."));

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(1024, "Use at most 1024 characters.");

export const personNameSchema = z.string().trim().min(1, "Enter your name.").max(120, "Use at most 120 characters.");

/** Body of `POST /api/v1/sign-up` and of the sign-up form. */
export const signUpInput = z.object({ email: emailSchema, name: personNameSchema, password: passwordSchema });
export type SignUpInput = z.infer<typeof signUpInput>;

export const userOutput = z.object({ id: z.uuid(), email: z.string(), name: z.string() });
export type UserOutput = z.infer<typeof userOutput>;
