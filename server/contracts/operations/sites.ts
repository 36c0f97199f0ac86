// Sites with their armed schedules and geofences.
import { z } from "zod";
import { siteDto, siteInput } from "../sites";
import { defineOperation } from "../operation";
import { MANAGERS, uuidParams } from "./params";

export const listSites = defineOperation({
  method: "get",
  path: "/api/v1/sites",
  summary: "The tenant's sites with their geofences.",
  tag: "Sites",
  response: { status: 200, description: "The sites.", schema: z.array(siteDto) },
});

export const createSite = defineOperation({
  method: "post",
  path: "/api/v1/sites",
  summary: "Create a site with its armed schedule and geofences (422 says why a fence is invalid).",
  tag: "Sites",
  roles: MANAGERS,
  body: siteInput,
  response: { status: 201, description: "The new site.", schema: siteDto },
});

export const getSite = defineOperation({
  method: "get",
  path: "/api/v1/sites/{id}",
  summary: "One site with its geofences.",
  tag: "Sites",
  params: uuidParams,
  response: { status: 200, description: "The site.", schema: siteDto },
  errors: [404],
});

export const replaceSite = defineOperation({
  method: "put",
  path: "/api/v1/sites/{id}",
  summary: "Replace the site; fences given with their id are kept (with their history), the others replaced.",
  tag: "Sites",
  roles: MANAGERS,
  params: uuidParams,
  body: siteInput,
  response: { status: 200, description: "The site as saved.", schema: siteDto },
  errors: [404],
});

export const deleteSite = defineOperation({
  method: "delete",
  path: "/api/v1/sites/{id}",
  summary: "Remove a site and its geofences.",
  tag: "Sites",
  roles: MANAGERS,
  params: uuidParams,
  response: { status: 204, description: "Removed." },
  errors: [404],
});
