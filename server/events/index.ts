export type { DomainEvent, DomainEventOf, DomainEventType } from "./domain-events";
export { EventBus, getEventBus, startEventBus } from "./event-bus";
export { type MembershipChangedOptions, publishMembershipChanged } from "./publish-membership-changed";
