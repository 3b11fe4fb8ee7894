import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { vietnamDate, type Actor } from '@tdkt/domain';
import { InboxQueries, type Inbox } from '@tdkt/persistence';
import { CurrentActor } from '../auth/auth.guard';
import { InboxQuery, InboxDto } from './inbox.dto';

/**
 * Each person's task inbox: what they must act on now, by role and scope — drafts to submit, reviews, appraisals,
 * supplement requests to answer, votes to cast, decisions to sign — each with its due date in working days.
 */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('me')
export class InboxController {
  constructor(private readonly inbox: InboxQueries) {}

  @Get('tasks')
  @ApiOkResponse({ type: InboxDto })
  tasks(@CurrentActor() actor: Actor, @Query() q: InboxQuery): Promise<Inbox> {
    return this.inbox.inbox(actor, vietnamDate(Date.now()), q.limit ?? 200);
  }
}
