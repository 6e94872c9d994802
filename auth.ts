// Auth.js's endpoints (app/api/auth/[...nextauth]) get the instance from
// here; the instance itself, with the credentials provider that decides every
// sign-in, lives in lib/auth/instance.ts, where the app's own forms and API
// sign in through it too (docs/decisions/019). Nothing else imports this file.
export { handlers } from "@/lib/auth/instance";
