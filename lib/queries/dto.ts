// The DTO shapes for client code, in one import path next to the query hooks (types only).
export type * from '@/lib/domain/dto';
